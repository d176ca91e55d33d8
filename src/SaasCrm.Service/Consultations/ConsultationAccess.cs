using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// Who sees a consultation: its originator and assignee within the caller's data scope, and every member of the department it
/// was transferred to (that department answers it). Anything else answers 404.
/// </summary>
public sealed class ConsultationAccess(PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user)
{
    public Guid Me => user.Id ?? Guid.Empty;

    public IQueryable<Guid> MyDepartments()
    {
        var me = Me;
        return db.UserDepartments.Where(ud => ud.UserId == me).Select(ud => ud.DepartmentId);
    }

    public async Task<IQueryable<Consultation>> VisibleAsync(IQueryable<Consultation> source, CancellationToken ct)
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return source;
        var me = Me;
        var owners = (await scope.VisibleOwnersAsync(ct))!;
        var departments = MyDepartments();
        return source.Where(c => c.CreatedBy == me || c.AssigneeId == me
            || (c.CreatedBy != null && owners.Contains(c.CreatedBy.Value))
            || (c.AssigneeId != null && owners.Contains(c.AssigneeId.Value))
            || (c.DepartmentId != null && departments.Contains(c.DepartmentId.Value)));
    }

    public async Task<Consultation> GetVisibleAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var source = tracking ? db.Set<Consultation>() : db.Set<Consultation>().AsNoTracking();
        return await (await VisibleAsync(source, ct)).FirstOrDefaultAsync(c => c.Id == id, ct)
               ?? throw new EntityNotFoundException(nameof(Consultation), id);
    }

    public async Task<bool> IsVisibleAsync(Guid id, CancellationToken ct) =>
        await (await VisibleAsync(db.Set<Consultation>().AsNoTracking(), ct)).AnyAsync(c => c.Id == id, ct);
}
