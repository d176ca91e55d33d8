using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Departments;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Permissions;

/// <summary>Applies the caller's data scope (P5) to any owned entity: every list and read goes through it.</summary>
public interface IDataScopeFilter
{
    Task<DataScope> GetScopeAsync(CancellationToken cancellationToken = default);
    Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) where T : class, IHasOwner;
    /// <summary>The same for records whose owner is optional or named otherwise; a record without an owner is outside every scope but All.</summary>
    Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, Expression<Func<T, Guid?>> owner, CancellationToken cancellationToken = default);
    /// <summary>The owners the caller may see: null means everyone (scope All).</summary>
    Task<IQueryable<Guid>?> VisibleOwnersAsync(CancellationToken cancellationToken = default);
    Task<bool> CanSeeOwnerAsync(Guid ownerId, CancellationToken cancellationToken = default);
}

public sealed class DataScopeFilter(PlatformDbContext db, ICurrentUser currentUser, CurrentUserRoles currentRoles) : IDataScopeFilter
{
    private DataScope? _scope;
    private List<Guid>? _departmentIds;

    public async Task<DataScope> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is { } cached) return cached;
        if (currentUser.Id is null) return (_scope = DataScope.Self).Value;
        var roles = await currentRoles.GetAsync(cancellationToken);
        _scope = roles.Count == 0 ? DataScope.Self
            : roles.Any(r => r.IsAdministrator) ? DataScope.All
            : roles.Max(r => r.DataScope);
        return _scope.Value;
    }

    public async Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) where T : class, IHasOwner
    {
        var scope = await GetScopeAsync(cancellationToken);
        if (scope == DataScope.All) return query;
        var me = currentUser.Id ?? Guid.Empty;
        if (scope == DataScope.Self) return query.Where(e => e.OwnerId == me);
        var members = await VisibleOwnersAsync(cancellationToken);
        return query.Where(e => e.OwnerId == me || members!.Contains(e.OwnerId));
    }

    public async Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, Expression<Func<T, Guid?>> owner, CancellationToken cancellationToken = default)
    {
        var scope = await GetScopeAsync(cancellationToken);
        if (scope == DataScope.All) return query;
        Guid? me = currentUser.Id ?? Guid.Empty;
        Expression<Func<Guid?, bool>> visible;
        if (scope == DataScope.Self) visible = o => o == me;
        else
        {
            var members = (await VisibleOwnersAsync(cancellationToken))!.Select(id => (Guid?)id);
            visible = o => o == me || members.Contains(o);
        }
        // visible(owner(e)): substitute the owner selector's body for the predicate's parameter.
        var body = new ReplaceParameter(visible.Parameters[0], owner.Body).Visit(visible.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, owner.Parameters[0]));
    }

    public async Task<IQueryable<Guid>?> VisibleOwnersAsync(CancellationToken cancellationToken = default)
    {
        var scope = await GetScopeAsync(cancellationToken);
        if (scope == DataScope.All) return null;
        var me = currentUser.Id ?? Guid.Empty;
        if (scope == DataScope.Self) return db.Users.Where(u => u.Id == me).Select(u => u.Id);
        var departments = await VisibleDepartmentIdsAsync(scope, cancellationToken);
        return db.UserDepartments.Where(ud => departments.Contains(ud.DepartmentId)).Select(ud => ud.UserId);
    }

    public async Task<bool> CanSeeOwnerAsync(Guid ownerId, CancellationToken cancellationToken = default)
    {
        var scope = await GetScopeAsync(cancellationToken);
        if (scope == DataScope.All || ownerId == currentUser.Id) return true;
        if (scope == DataScope.Self) return false;
        var departments = await VisibleDepartmentIdsAsync(scope, cancellationToken);
        return await db.UserDepartments.AnyAsync(ud => ud.UserId == ownerId && departments.Contains(ud.DepartmentId), cancellationToken);
    }

    private async Task<List<Guid>> VisibleDepartmentIdsAsync(DataScope scope, CancellationToken cancellationToken)
    {
        if (_departmentIds is not null) return _departmentIds;
        var me = currentUser.Id ?? Guid.Empty;
        var mine = await db.UserDepartments.Where(ud => ud.UserId == me)
            .Join(db.Departments, ud => ud.DepartmentId, d => d.Id, (ud, d) => new { d.Id, d.Code })
            .ToListAsync(cancellationToken);
        if (scope == DataScope.Department) return _departmentIds = mine.Select(d => d.Id).ToList();

        // Department and children: one prefix match per own department on the materialised path.
        var ids = new HashSet<Guid>();
        foreach (var department in mine)
        {
            var prefix = department.Code;
            ids.UnionWith(await db.Departments.Where(d => d.Code == prefix || d.Code.StartsWith(prefix + ".")).Select(d => d.Id).ToListAsync(cancellationToken));
        }
        return _departmentIds = ids.ToList();
    }
}

internal sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
