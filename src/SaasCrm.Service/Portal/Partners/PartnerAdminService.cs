using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Partners;

/// <summary>The tenant admin's side of partners: organisations, granted modules, users and assigned customers.</summary>
public sealed class PartnerAdminService(PlatformDbContext db, UserManager<AppUser> users, ICustomerDirectory directory, IPortalCustomerLookup lookup,
    SessionValidator sessions, TimeProvider clock)
{
    public static readonly IReadOnlyList<PartnerModuleDto> Modules =
    [
        new(PartnerModules.Tickets, "Tickets", "工单", true),
        new(PartnerModules.Knowledge, "Knowledge base", "知识库", true),
        new(PartnerModules.Leads, "Leads (needs the sales module)", "线索（需销售模块）", false),
    ];

    public async Task<IReadOnlyList<PartnerDto>> ListAsync(CancellationToken ct)
    {
        var partners = await db.Set<Partner>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return await ToDtosAsync(partners, ct);
    }

    public async Task<PartnerDto> GetAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await FindAsync(id, ct, tracking: false)], ct))[0];

    public async Task<PartnerDto> CreateAsync(SavePartnerRequest r, CancellationToken ct)
    {
        var partner = new Partner();
        Apply(partner, r);
        db.Add(partner);
        await db.SaveChangesAsync(ct);
        return await GetAsync(partner.Id, ct);
    }

    public async Task<PartnerDto> UpdateAsync(Guid id, SavePartnerRequest r, CancellationToken ct)
    {
        var partner = await FindAsync(id, ct);
        if (r.ConcurrencyStamp is not null) db.Entry(partner).Property(p => p.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        var wasActive = partner.IsActive;
        Apply(partner, r);
        partner.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (wasActive && !partner.IsActive) await EndUserSessionsAsync(partner.Id, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(partner.Id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var partner = await FindAsync(id, ct);
        var userIds = await db.Set<PartnerUser>().Where(pu => pu.PartnerId == id).Select(pu => pu.UserId).ToListAsync(ct);
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct))
        {
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await TokenService.RevokeAllAsync(db, clock, user.Id, "deleted", ct);
        }
        db.RemoveRange(await db.Set<PartnerCustomer>().Where(pc => pc.PartnerId == id).ToListAsync(ct));
        db.Remove(partner);
        await db.SaveChangesAsync(ct);
        foreach (var u in userIds) sessions.Invalidate(u);
    }

    public async Task<IReadOnlyList<PartnerUserDto>> UsersAsync(Guid id, CancellationToken ct)
    {
        await FindAsync(id, ct, tracking: false);
        return await db.Set<PartnerUser>().AsNoTracking().Where(pu => pu.PartnerId == id)
            .Join(db.Users.AsNoTracking(), pu => pu.UserId, u => u.Id, (pu, u) => new PartnerUserDto(pu.Id, u.Id, u.UserName!, u.Name, u.Email, u.IsActive))
            .ToListAsync(ct);
    }

    public async Task<PartnerUserDto> CreateUserAsync(Guid id, CreatePartnerUserRequest r, CancellationToken ct)
    {
        await FindAsync(id, ct, tracking: false);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = r.UserName.Trim(), Name = r.Name.Trim(), Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), Kind = UserKind.Partner, IsActive = true, LockoutEnabled = true,
        };
        (await users.CreateAsync(user, r.Password)).ThrowIfFailed();
        var link = new PartnerUser { PartnerId = id, UserId = user.Id };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PartnerUserDto(link.Id, user.Id, user.UserName, user.Name, user.Email, user.IsActive);
    }

    public async Task<PartnerUserDto> SetUserActiveAsync(Guid id, Guid partnerUserId, bool active, CancellationToken ct)
    {
        var link = await db.Set<PartnerUser>().FirstOrDefaultAsync(pu => pu.Id == partnerUserId && pu.PartnerId == id, ct)
                   ?? throw new EntityNotFoundException("PartnerUser", partnerUserId);
        var user = await db.Users.FirstAsync(u => u.Id == link.UserId, ct);
        user.IsActive = active;
        if (!active)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await TokenService.RevokeAllAsync(db, clock, user.Id, "disabled", ct);
        }
        await db.SaveChangesAsync(ct);
        sessions.Invalidate(user.Id);
        return new PartnerUserDto(link.Id, user.Id, user.UserName!, user.Name, user.Email, user.IsActive);
    }

    public async Task<IReadOnlyList<PartnerCustomerDto>> CustomersAsync(Guid id, CancellationToken ct)
    {
        await FindAsync(id, ct, tracking: false);
        var ids = await db.Set<PartnerCustomer>().AsNoTracking().Where(pc => pc.PartnerId == id).Select(pc => pc.CustomerId).ToListAsync(ct);
        var names = await lookup.NamesAsync(ids, ct);
        return ids.Select(c => new PartnerCustomerDto(c, names.GetValueOrDefault(c))).OrderBy(c => c.CustomerName).ToList();
    }

    /// <summary>Replaces the assigned customers; every newly added one must be visible to the admin who assigns it.</summary>
    public async Task<IReadOnlyList<PartnerCustomerDto>> SetCustomersAsync(Guid id, SetPartnerCustomersRequest r, CancellationToken ct)
    {
        await FindAsync(id, ct, tracking: false);
        var wanted = r.CustomerIds.Distinct().ToList();
        var current = await db.Set<PartnerCustomer>().Where(pc => pc.PartnerId == id).ToListAsync(ct);
        var added = wanted.Where(c => current.All(pc => pc.CustomerId != c)).ToList();
        var visible = await directory.FindAsync(added, ct);
        if (visible.Count != added.Count)
            throw RequestValidationException.For("customerIds", "customer.not_found", "One or more customers do not exist or are not visible to you.");
        db.RemoveRange(current.Where(pc => !wanted.Contains(pc.CustomerId)));
        db.AddRange(added.Select(c => new PartnerCustomer { PartnerId = id, CustomerId = c }));
        await db.SaveChangesAsync(ct);
        return await CustomersAsync(id, ct);
    }

    private static void Apply(Partner p, SavePartnerRequest r)
    {
        p.Name = r.Name.Trim();
        p.Type = r.Type;
        p.ContactName = r.ContactName;
        p.Phone = r.Phone;
        p.Email = r.Email;
        p.IsActive = r.IsActive;
        p.Modules = r.Modules.Distinct().ToList();
    }

    private async Task EndUserSessionsAsync(Guid partnerId, CancellationToken ct)
    {
        var userIds = await db.Set<PartnerUser>().Where(pu => pu.PartnerId == partnerId).Select(pu => pu.UserId).ToListAsync(ct);
        foreach (var u in userIds) await TokenService.RevokeAllAsync(db, clock, u, "partner_disabled", ct);
        foreach (var u in userIds) sessions.Invalidate(u);
    }

    private async Task<Partner> FindAsync(Guid id, CancellationToken ct, bool tracking = true) =>
        await (tracking ? db.Set<Partner>() : db.Set<Partner>().AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new EntityNotFoundException("Partner", id);

    private async Task<List<PartnerDto>> ToDtosAsync(IReadOnlyList<Partner> partners, CancellationToken ct)
    {
        var ids = partners.Select(p => p.Id).ToList();
        var userCounts = await db.Set<PartnerUser>().Where(pu => ids.Contains(pu.PartnerId)).GroupBy(pu => pu.PartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var customerCounts = await db.Set<PartnerCustomer>().Where(pc => ids.Contains(pc.PartnerId)).GroupBy(pc => pc.PartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return partners.Select(p => new PartnerDto(p.Id, p.Name, p.Type, p.ContactName, p.Phone, p.Email, p.IsActive, p.Modules,
            userCounts.GetValueOrDefault(p.Id), customerCounts.GetValueOrDefault(p.Id), p.ConcurrencyStamp, p.CreatedAt)).ToList();
    }
}
