namespace SaasCrm.Platform.Security;

/// <summary>Claim names in our access tokens (inbound claim mapping is off, so these arrive as written).</summary>
public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string TenantId = "tenantid";
    public const string TenantName = "tenant";
    public const string SecurityStamp = "stamp";
    public const string Role = "role";
    /// <summary>"customer" or "partner" for portal accounts; absent for staff.</summary>
    public const string UserKind = "kind";
}
