using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Identity.Roles;

public sealed class RoleManagementService(PlatformDbContext db, RoleManager<AppRole> roles, PermissionGrantService grants)
{
    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken ct) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RoleDto(r.Id, r.Name!, r.DataScope, r.IsStatic, r.IsAdministrator,
                db.UserRoles.Count(ur => ur.RoleId == r.Id), r.ConcurrencyStamp))
            .ToListAsync(ct);

    public async Task<RoleDto> GetAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Id == id) ?? throw new EntityNotFoundException("Role", id);

    public async Task<RoleDto> CreateAsync(CreateRoleRequest request, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var role = new AppRole { Name = request.Name.Trim(), DataScope = request.DataScope };
        (await roles.CreateAsync(role)).ThrowIfFailed();
        if (request.Permissions is { Count: > 0 })
        {
            await grants.SetAsync(PermissionGrant.RoleProvider, role.Id, $"role {role.Name}", request.Permissions, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return await GetAsync(role.Id, ct);
    }

    public async Task<RoleDto> UpdateAsync(Guid id, UpdateRoleRequest request, CancellationToken ct)
    {
        var role = await FindAsync(id, ct);
        db.Entry(role).Property(r => r.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        var name = request.Name.Trim();
        if (role.IsStatic && name != role.Name)
            throw new BusinessException("role.static", "A built-in role cannot be renamed.", 400, "name");
        if (name != role.Name && await db.Roles.AnyAsync(r => r.NormalizedName == name.ToUpperInvariant() && r.Id != id, ct))
            throw new BusinessException("role.name_taken", $"A role named '{name}' already exists.", 400, "name");
        role.Name = name;
        role.NormalizedName = name.ToUpperInvariant();
        role.DataScope = request.DataScope;
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var role = await FindAsync(id, ct);
        if (role.IsStatic) throw new BusinessException("role.static", "A built-in role cannot be deleted.");
        if (await db.UserRoles.AnyAsync(ur => ur.RoleId == id, ct))
            throw new BusinessException("role.in_use", "Remove the role from its users before deleting it.", 409);
        db.PermissionGrants.RemoveRange(db.PermissionGrants.Where(g => g.ProviderName == PermissionGrant.RoleProvider && g.ProviderKey == id));
        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<string>> GetPermissionsAsync(Guid id, CancellationToken ct)
    {
        await FindAsync(id, ct);
        return await grants.GetAsync(PermissionGrant.RoleProvider, id, ct);
    }

    public async Task SetPermissionsAsync(Guid id, IReadOnlyList<string> permissions, CancellationToken ct)
    {
        var role = await FindAsync(id, ct);
        if (role.IsAdministrator) throw new BusinessException("role.administrator", "The administrator role always holds every permission.");
        await grants.SetAsync(PermissionGrant.RoleProvider, id, $"role {role.Name}", permissions, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<AppRole> FindAsync(Guid id, CancellationToken ct) =>
        await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Role", id);
}
