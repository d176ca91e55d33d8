using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Editions;

/// <summary>The operator's editions: limits and enabled modules.</summary>
public sealed class EditionService(PlatformDbContext db, PermissionDefinitionManager permissions, EditionCache cache)
{
    public async Task<IReadOnlyList<EditionDto>> ListAsync(CancellationToken ct) =>
        await db.Editions.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new EditionDto(e.Id, e.Name, e.MaxUsers, e.MaxCustomers, e.EnabledModules, db.Tenants.Count(t => t.EditionId == e.Id), e.ConcurrencyStamp))
            .ToListAsync(ct);

    public async Task<EditionDto> GetAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(e => e.Id == id) ?? throw new EntityNotFoundException("Edition", id);

    /// <summary>Modules an edition can switch on: those that declare permissions under a module name.</summary>
    public IReadOnlyList<ModuleDto> Modules() => permissions.Modules.Select(m => new ModuleDto(m)).ToList();

    public async Task<EditionDto> CreateAsync(SaveEditionRequest request, CancellationToken ct)
    {
        var edition = new Edition();
        await ApplyAsync(edition, request, ct);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(ct);
        return await GetAsync(edition.Id, ct);
    }

    public async Task<EditionDto> UpdateAsync(Guid id, SaveEditionRequest request, CancellationToken ct)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException("Edition", id);
        db.Entry(edition).Property(e => e.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
        await ApplyAsync(edition, request, ct);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(id);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException("Edition", id);
        if (await db.Tenants.AnyAsync(t => t.EditionId == id, ct))
            throw new BusinessException("edition.in_use", "Move the tenants on this edition to another one first.", 409);
        db.Editions.Remove(edition);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(id);
    }

    private async Task ApplyAsync(Edition edition, SaveEditionRequest request, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (await db.Editions.AnyAsync(e => e.Name == name && e.Id != edition.Id, ct))
            throw new BusinessException("edition.name_taken", $"An edition named '{name}' already exists.", 409, "name");
        var modules = (request.EnabledModules ?? []).Distinct().ToList();
        var unknown = modules.Except(permissions.Modules).ToList();
        if (unknown.Count > 0)
            throw new BusinessException("edition.unknown_module", $"Unknown module: {string.Join(", ", unknown)}.", 400, "enabledModules");
        edition.Name = name;
        edition.MaxUsers = request.MaxUsers;
        edition.MaxCustomers = request.MaxCustomers;
        edition.EnabledModules = modules;
    }
}
