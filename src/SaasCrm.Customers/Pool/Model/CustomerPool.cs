using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Pool.Model;

/// <summary>
/// A public pool (C6): customers its members' customers fall into when the rules say they were neglected, and
/// that members may claim within the pool's limits. A user governed by several pools belongs to the oldest one.
/// </summary>
public sealed class CustomerPool : AuditedEntity
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Owners are warned this many days before their customer is released; 0 = no warning.</summary>
    public int WarnDaysBefore { get; set; }
    /// <summary>A rep may not claim while holding this many customers; null = no limit.</summary>
    public int? MaxCustomersPerRep { get; set; }
    /// <summary>Claims a rep may make per (UTC) day from this pool; null = no limit.</summary>
    public int? MaxClaimsPerDay { get; set; }
    /// <summary>Days a previous owner must wait before taking back a customer they lost; null or 0 = none.</summary>
    public int? ReclaimCooldownDays { get; set; }
    /// <summary>What the last daily run did, for the admin page.</summary>
    [NotLogged] public DateTime? LastRunAt { get; set; }
    [NotLogged] public int LastRunReleased { get; set; }
    [NotLogged] public int LastRunWarned { get; set; }
}

/// <summary>A user or a department (with its sub-departments) whose customers the pool governs and who may claim from it.</summary>
public sealed class CustomerPoolMember : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid PoolId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? DepartmentId { get; set; }
}

/// <summary>
/// When a customer of a given level is released: after so many days without a follow-up and/or without a deal
/// (whichever comes first). The rule with <see cref="LevelCode"/> null applies to every level without its own rule.
/// </summary>
public sealed class CustomerPoolRule : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid PoolId { get; set; }
    /// <summary>Dictionary "customer-level" code, or null for the default rule.</summary>
    public string? LevelCode { get; set; }
    public int? DaysWithoutFollowUp { get; set; }
    public int? DaysWithoutDeal { get; set; }
}
