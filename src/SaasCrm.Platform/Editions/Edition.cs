using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Editions;

/// <summary>A plan a tenant is on (P2): limits and the modules it may use. Host-side.</summary>
public sealed class Edition : Entity, IHasConcurrencyStamp, IHasAuditFields, IChangeTracked
{
    public string Name { get; set; } = "";
    public int? MaxUsers { get; set; }
    public int? MaxCustomers { get; set; }
    /// <summary>Module names (e.g. "Customers", "Sales"); permissions of a module not listed are never granted.</summary>
    public List<string> EnabledModules { get; set; } = [];
    [NotLogged] public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    [NotLogged] public DateTime CreatedAt { get; set; }
    [NotLogged] public Guid? CreatedBy { get; set; }
    [NotLogged] public DateTime? ModifiedAt { get; set; }
    [NotLogged] public Guid? ModifiedBy { get; set; }
}

/// <summary>The counted resources an edition can limit.</summary>
public static class EditionLimits
{
    public const string Users = "users";
    public const string Customers = "customers";
}
