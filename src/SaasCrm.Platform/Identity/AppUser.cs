using Microsoft.AspNetCore.Identity;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Identity;

/// <summary>A user of one tenant (or of the host when TenantId is null). User names are unique per tenant.</summary>
public sealed class AppUser : IdentityUser<Guid>, IMultiTenant, ISoftDelete, IHasAuditFields, IChangeTracked
{
    public AppUser() => Id = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }
    /// <summary>Display name, e.g. 张伟.</summary>
    public string Name { get; set; } = "";
    /// <summary>A disabled user cannot sign in and their sessions end.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>UI language the user chose (zh-CN, en-US); null: the browser's.</summary>
    public string? Language { get; set; }
    /// <summary>Staff, or a customer's or partner's portal account; fixed at creation.</summary>
    public UserKind Kind { get; set; } = UserKind.Staff;
    public bool IsDeleted { get; set; }
    [NotLogged] public DateTime CreatedAt { get; set; }
    [NotLogged] public Guid? CreatedBy { get; set; }
    [NotLogged] public DateTime? ModifiedAt { get; set; }
    [NotLogged] public Guid? ModifiedBy { get; set; }
}
