using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Portal.Domain;

public enum PortalAccountStatus { Invited, Active, Disabled, PendingApproval }

/// <summary>A customer's portal account: an <c>AppUser</c> of kind Customer bound to one customer and one of its contacts.</summary>
public sealed class PortalAccount : AuditedEntity
{
    public Guid UserId { get; set; }
    /// <summary>Null only while a self sign-up waits for staff to bind it to a customer.</summary>
    public Guid? CustomerId { get; set; }
    public Guid? ContactId { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public PortalAccountStatus Status { get; set; }
    /// <summary>What the self sign-up said (company name), for the staff who approve it.</summary>
    public string? SignUpCompany { get; set; }
    /// <summary>A customer matching the sign-up's e-mail or phone: a suggestion for staff, never bound automatically.</summary>
    public Guid? SuggestedCustomerId { get; set; }
    public DateTime? LastInvitedAt { get; set; }
}

/// <summary>A one-time invitation: only the SHA-256 of the token is stored; accepted or superseded invitations are dead.</summary>
public sealed class PortalInvitation : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid AccountId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The tenant's portal settings; defaults (no self sign-up) until an admin saves them.</summary>
public sealed class PortalSettings : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public bool AllowSelfSignUp { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public enum PartnerType { Dealer, Supplier, Branch }

/// <summary>A partner organisation (V9) and the portal modules the tenant grants it.</summary>
public sealed class Partner : AuditedEntity
{
    public string Name { get; set; } = "";
    public PartnerType Type { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Granted module codes (<see cref="PartnerModules"/>).</summary>
    public List<string> Modules { get; set; } = [];
}

public static class PartnerModules
{
    public const string Tickets = "tickets";
    public const string Knowledge = "knowledge";
    /// <summary>Listed for the partner portal's plan; refused until the sales module provides leads.</summary>
    public const string Leads = "leads";
    public static readonly string[] Available = [Tickets, Knowledge];
    public static readonly string[] All = [Tickets, Knowledge, Leads];
}

/// <summary>A partner's portal user: an <c>AppUser</c> of kind Partner.</summary>
public sealed class PartnerUser : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid PartnerId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A customer the partner serves and may see in the partner portal.</summary>
public sealed class PartnerCustomer : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid PartnerId { get; set; }
    public Guid CustomerId { get; set; }
}
