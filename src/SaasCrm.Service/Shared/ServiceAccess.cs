using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Shared;

/// <summary>
/// Who may see a ticket or complaint (P5): its assignee or creator within the caller's data scope, and members of
/// the record's department — for tickets only while nobody is assigned (the team queue), for complaints always
/// (the responsible department must reply). Anything else answers 404.
/// </summary>
public sealed class ServiceAccess(PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user)
{
    public Guid Me => user.Id ?? Guid.Empty;

    public async Task<IQueryable<T>> VisibleAsync<T>(IQueryable<T> source, CancellationToken ct) where T : class, IServiceRecord
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return source;
        var me = Me;
        var owners = (await scope.VisibleOwnersAsync(ct))!;
        var myDepartments = MyDepartments();
        var departmentSeesAll = typeof(T) == typeof(Complaint);
        return source.Where(r =>
            r.AssigneeId == me || r.CreatedBy == me
            || (r.AssigneeId != null && owners.Contains(r.AssigneeId.Value))
            || (r.CreatedBy != null && owners.Contains(r.CreatedBy.Value))
            || (r.DepartmentId != null && (departmentSeesAll || r.AssigneeId == null) && myDepartments.Contains(r.DepartmentId.Value)));
    }

    public IQueryable<Guid> MyDepartments()
    {
        var me = Me;
        return db.UserDepartments.Where(ud => ud.UserId == me).Select(ud => ud.DepartmentId);
    }

    public async Task<T> GetVisibleAsync<T>(Guid id, CancellationToken ct, bool tracking = false) where T : class, IServiceRecord
    {
        var source = tracking ? db.Set<T>() : db.Set<T>().AsNoTracking();
        return await (await VisibleAsync(source, ct)).FirstOrDefaultAsync(r => r.Id == id, ct)
               ?? throw new EntityNotFoundException(typeof(T).Name, id);
    }

    public async Task<bool> IsVisibleAsync<T>(Guid id, CancellationToken ct) where T : class, IServiceRecord =>
        await (await VisibleAsync(db.Set<T>().AsNoTracking(), ct)).AnyAsync(r => r.Id == id, ct);
}
