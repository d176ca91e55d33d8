using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Identity;

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. Each use rotates it inside its family; presenting a
/// used (rotated) token again means it leaked, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public Guid FamilyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}
