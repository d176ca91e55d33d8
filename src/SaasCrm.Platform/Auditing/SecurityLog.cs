using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Auditing;

/// <summary>Sign-ins and permission changes, kept apart from record changes (ASVS 7.x, 8.x).</summary>
public sealed class SecurityLog : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Action { get; set; } = "";
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? ClientIp { get; set; }
    public string? Detail { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class SecurityActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked_out";
    public const string TokenReuseDetected = "token.reuse_detected";
    public const string Logout = "logout";
    public const string PermissionsChanged = "permissions.changed";
    public const string RolesChanged = "user.roles_changed";
    public const string PasswordReset = "user.password_reset";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
}
