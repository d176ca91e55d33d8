using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Platform.Tenants;

/// <summary>The SaaS operator's tenant management. Host-side only.</summary>
public sealed class TenantService(
    PlatformDbContext db,
    IServiceProvider services,
    ICurrentTenant currentTenant,
    ITenantScopeFactory tenantScopes,
    ITenantStore store,
    IDataFilter dataFilter,
    TimeProvider clock)
{
    public async Task<PagedResult<TenantDto>> ListAsync(string? filter, bool? isActive, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var f = filter.Trim();
            query = query.Where(t => t.Name.Contains(f) || t.DisplayName.Contains(f));
        }
        if (isActive is { } active) query = query.Where(t => t.IsActive == active);
        query = query.OrderBy(sort, "name", new Dictionary<string, System.Linq.Expressions.Expression<Func<Tenant, object?>>>
        {
            ["name"] = t => t.Name,
            ["displayName"] = t => t.DisplayName,
            ["createdAt"] = t => t.CreatedAt,
        });
        var paged = await query.ToPageAsync(page, pageSize, ct);
        return new PagedResult<TenantDto>(paged.Items.Select(ToDto).ToList(), paged.Total, paged.TotalIsLowerBound, paged.Page, paged.PageSize);
    }

    public async Task<TenantDto> GetAsync(Guid id, CancellationToken ct)
    {
        var tenant = await FindAsync(id, ct);
        // The host switches into the tenant explicitly to read its usage (its rows may live in its own database).
        await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
        var tenantDb = scope.Services.GetRequiredService<PlatformDbContext>();
        var users = await tenantDb.Users.CountAsync(u => u.Kind == Identity.UserKind.Staff, ct);
        return ToDto(tenant) with { Usage = new TenantUsageDto(users) };
    }

    public async Task<TenantDto> CreateAsync(CreateTenantRequest request, CancellationToken ct)
    {
        var name = request.Name.Trim().ToLowerInvariant();
        bool taken;
        using (dataFilter.Disable<ISoftDelete>()) // a deleted tenant's name stays reserved: its data may still exist
        {
            taken = await db.Tenants.AnyAsync(t => t.Name == name, ct);
        }
        if (taken) throw new BusinessException("tenant.name_taken", $"A tenant named '{name}' already exists.", 409, "name");
        await ValidateAdminPasswordAsync(request, ct);
        await EnsureEditionExistsAsync(request.EditionId, ct);

        var tenant = new Tenant { Name = name, DisplayName = request.DisplayName.Trim(), ConnectionString = NullIfEmpty(request.ConnectionString), EditionId = request.EditionId };
        var seed = new TenantSeedContext(tenant.Id, name, request.AdminUserName.Trim(), request.AdminPassword, NullIfEmpty(request.AdminEmail));
        if (tenant.ConnectionString is null)
        {
            // Shared database: the tenant row and everything seeded commit together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(ct);
            using (currentTenant.Change(tenant.Id, tenant.Name))
            {
                await RunSeedersAsync(services, seed, ct);
            }
            await tx.CommitAsync(ct);
        }
        else
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(ct);
            try
            {
                await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
                await scope.Services.GetRequiredService<IDatabaseSchemaManager>().EnsureSchemaAsync(ct);
                await RunSeedersAsync(scope.Services, seed, ct);
            }
            catch
            {
                // Two databases cannot share a transaction: undo the tenant row so the name can be used again.
                db.ChangeTracker.Clear();
                await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteDeleteAsync(CancellationToken.None);
                throw;
            }
        }
        store.Invalidate(tenant.Id);
        return await GetAsync(tenant.Id, ct);
    }

    public async Task<TenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken ct)
    {
        var tenant = await FindAsync(id, ct);
        db.Entry(tenant).Property(t => t.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        await EnsureEditionExistsAsync(request.EditionId, ct);
        tenant.DisplayName = request.DisplayName.Trim();
        tenant.EditionId = request.EditionId;
        await db.SaveChangesAsync(ct);
        store.Invalidate(id);
        return await GetAsync(id, ct);
    }

    public async Task SuspendAsync(Guid id, string reason, CancellationToken ct)
    {
        var tenant = await FindAsync(id, ct);
        tenant.IsActive = false;
        tenant.SuspensionReason = reason.Trim();
        tenant.SuspendedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        store.Invalidate(id);
        await EndAllSessionsAsync(tenant, "tenant_suspended", ct);
    }

    public async Task ResumeAsync(Guid id, CancellationToken ct)
    {
        var tenant = await FindAsync(id, ct);
        tenant.IsActive = true;
        tenant.SuspensionReason = null;
        tenant.SuspendedAt = null;
        await db.SaveChangesAsync(ct);
        store.Invalidate(id);
    }

    /// <summary>Soft delete: sign-in stops at once; the data stays until an operator purges it.</summary>
    public async Task DeleteAsync(Guid id, string confirmName, CancellationToken ct)
    {
        var tenant = await FindAsync(id, ct);
        if (!string.Equals(confirmName?.Trim(), tenant.Name, StringComparison.Ordinal))
            throw new BusinessException("tenant.confirmation_mismatch", "Type the tenant's name to confirm the deletion.", 400, "confirmName");
        db.Tenants.Remove(tenant);
        await db.SaveChangesAsync(ct);
        store.Invalidate(id);
        await EndAllSessionsAsync(tenant, "tenant_deleted", ct);
    }

    private async Task EndAllSessionsAsync(Tenant tenant, string reason, CancellationToken ct)
    {
        await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
        var tenantDb = scope.Services.GetRequiredService<PlatformDbContext>();
        await TokenService.RevokeAllAsync(tenantDb, clock, null, reason, ct);
        await tenantDb.SaveChangesAsync(ct);
    }

    private static async Task RunSeedersAsync(IServiceProvider provider, TenantSeedContext seed, CancellationToken ct)
    {
        foreach (var seeder in provider.GetServices<ITenantDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(seed, ct);
        }
    }

    private async Task ValidateAdminPasswordAsync(CreateTenantRequest request, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var probe = new AppUser { UserName = request.AdminUserName };
        foreach (var validator in users.PasswordValidators)
        {
            (await validator.ValidateAsync(users, probe, request.AdminPassword)).ThrowIfFailed("adminPassword");
        }
        ct.ThrowIfCancellationRequested();
    }

    private async Task EnsureEditionExistsAsync(Guid? editionId, CancellationToken ct)
    {
        if (editionId is { } id && !await db.Editions.AnyAsync(e => e.Id == id, ct))
            throw new BusinessException("edition.not_found", "The edition does not exist.", 400, "editionId");
    }

    private async Task<Tenant> FindAsync(Guid id, CancellationToken ct) =>
        await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException("Tenant", id);

    private static TenantDto ToDto(Tenant t) =>
        new(t.Id, t.Name, t.DisplayName, t.IsActive, t.SuspensionReason, t.SuspendedAt, t.ConnectionString is not null, t.EditionId, t.CreatedAt, t.ConcurrencyStamp);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
