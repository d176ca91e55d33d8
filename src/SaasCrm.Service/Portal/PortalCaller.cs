using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal;

/// <summary>
/// Who the signed-in portal account is and which customers it may reach: a customer account its own customer,
/// a partner user the customers assigned to its partner. Every portal query starts from here.
/// </summary>
public sealed class PortalCaller(PlatformDbContext db, ICurrentUser user)
{
    private static BusinessException NoAccess() => new("portal.no_access", "This portal account has no access.", 403);

    public Guid UserId => user.Id ?? throw NoAccess();

    /// <summary>The active customer portal account of the caller.</summary>
    public async Task<PortalAccount> CustomerAccountAsync(CancellationToken ct)
    {
        if (user.Kind != UserKind.Customer) throw NoAccess();
        var me = UserId;
        var account = await db.Set<PortalAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == me, ct);
        return account is { Status: PortalAccountStatus.Active, CustomerId: not null } ? account : throw NoAccess();
    }

    /// <summary>The caller's active partner; with <paramref name="module"/>, refused (403) unless the partner was granted it.</summary>
    public async Task<Partner> PartnerAsync(CancellationToken ct, string? module = null)
    {
        if (user.Kind != UserKind.Partner) throw NoAccess();
        var me = UserId;
        var partner = await db.Set<PartnerUser>().AsNoTracking().Where(pu => pu.UserId == me)
            .Join(db.Set<Partner>().AsNoTracking(), pu => pu.PartnerId, p => p.Id, (pu, p) => p).FirstOrDefaultAsync(ct);
        if (partner is not { IsActive: true }) throw NoAccess();
        if (module is not null && !partner.Modules.Contains(module))
            throw new BusinessException("portal.module_not_granted", $"Your organisation has not been given the '{module}' module.", 403);
        return partner;
    }

    /// <summary>The customer account's own customer, as a subquery.</summary>
    public IQueryable<Guid> CustomerIds(PortalAccount account) =>
        db.Set<PortalAccount>().Where(a => a.Id == account.Id && a.CustomerId != null).Select(a => a.CustomerId!.Value);

    public IQueryable<Guid> PartnerCustomerIds(Guid partnerId) =>
        db.Set<PartnerCustomer>().Where(pc => pc.PartnerId == partnerId).Select(pc => pc.CustomerId);
}
