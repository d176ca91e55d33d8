using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Who sees a return entry: its recorder and its approver within the caller's data scope, and the members of the responsible
/// department. Anything else answers 404.
/// </summary>
public sealed class ReturnAccess(PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user)
{
    public Guid Me => user.Id ?? Guid.Empty;

    public async Task<IQueryable<ReturnEntry>> VisibleAsync(IQueryable<ReturnEntry> source, CancellationToken ct)
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return source;
        var me = Me;
        var owners = (await scope.VisibleOwnersAsync(ct))!;
        var departments = db.UserDepartments.Where(ud => ud.UserId == me).Select(ud => ud.DepartmentId);
        return source.Where(r => r.CreatedBy == me || r.ApproverId == me
            || (r.CreatedBy != null && owners.Contains(r.CreatedBy.Value))
            || (r.ApproverId != null && owners.Contains(r.ApproverId.Value))
            || (r.DepartmentId != null && departments.Contains(r.DepartmentId.Value)));
    }

    public async Task<ReturnEntry> GetVisibleAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var source = tracking ? db.Set<ReturnEntry>() : db.Set<ReturnEntry>().AsNoTracking();
        return await (await VisibleAsync(source, ct)).FirstOrDefaultAsync(r => r.Id == id, ct)
               ?? throw new EntityNotFoundException("Return", id);
    }

    public async Task<bool> IsVisibleAsync(Guid id, CancellationToken ct) =>
        await (await VisibleAsync(db.Set<ReturnEntry>().AsNoTracking(), ct)).AnyAsync(r => r.Id == id, ct);
}
