using Microsoft.AspNetCore.Identity;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Identity;

public sealed class AppRole : IdentityRole<Guid>, IMultiTenant, IHasAuditFields, IChangeTracked
{
    public AppRole() => Id = Guid.CreateVersion7();

    public Guid? TenantId { get; private set; }
    /// <summary>Which owned records members see (P5).</summary>
    public DataScope DataScope { get; set; } = DataScope.Self;
    /// <summary>Seeded roles cannot be deleted or renamed.</summary>
    public bool IsStatic { get; set; }
    /// <summary>Holds every permission of its side, including those modules add later.</summary>
    public bool IsAdministrator { get; set; }
    [NotLogged] public DateTime CreatedAt { get; set; }
    [NotLogged] public Guid? CreatedBy { get; set; }
    [NotLogged] public DateTime? ModifiedAt { get; set; }
    [NotLogged] public Guid? ModifiedBy { get; set; }
}
