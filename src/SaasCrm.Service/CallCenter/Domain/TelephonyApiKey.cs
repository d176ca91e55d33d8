using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.CallCenter.Domain;

/// <summary>
/// A key the tenant's telephony system sends in X-Api-Key. Only the SHA-256 of the key is stored; the key is shown
/// once when issued. Its first part names the tenant, so the server finds the tenant (and its database) first.
/// </summary>
public sealed class TelephonyApiKey : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the secret part, to tell keys apart in the list.</summary>
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}

/// <summary>Which staff user answers at which extension; one extension per user and one user per extension in a tenant.</summary>
public sealed class AgentExtension : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public string Extension { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A dial request handed to the default telephony provider, which has no switch behind it and only records.</summary>
public sealed class TelephonyDialRequest : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string AgentExtension { get; set; } = "";
    public string Number { get; set; } = "";
    public string ProviderCallId { get; set; } = "";
    public DateTime RequestedAt { get; set; }
}
