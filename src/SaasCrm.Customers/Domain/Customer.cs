using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

public enum CustomerKind { Company, Person }

/// <summary>Active customers are worked on; merged ones are read-only pointers to their survivor, out of lists.</summary>
public enum CustomerStatus { Active, Merged }

/// <summary>
/// A customer (C1): one owner at a time (C5) or, while in a public pool (C6), none. Phones, emails and tags
/// are kept as lists on the row for display and as <see cref="CustomerKey"/> rows for lookups.
/// </summary>
public sealed class Customer : AuditedEntity
{
    public CustomerKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name reduced for duplicate checks (no legal-form suffix, spaces or full-width forms).</summary>
    [NotLogged] public string NormalizedName { get; set; } = "";
    public string? Code { get; set; }
    public string? LevelCode { get; set; }
    public string? SourceCode { get; set; }
    public string? IndustryCode { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }
    public string? Address { get; set; }
    /// <summary>Where the customer is, for check-in distance checks.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<string> Phones { get; set; } = [];
    public List<string> Emails { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? Website { get; set; }
    public string? Remark { get; set; }

    public Guid? OwnerId { get; set; }
    /// <summary>When the current owner got the customer (created, assigned, claimed): pool rules count from here when there is no follow-up since.</summary>
    [NotLogged] public DateTime? OwnedSince { get; set; }
    /// <summary>The dedicated service representative (C11), besides the sales owner.</summary>
    public Guid? ServiceRepId { get; set; }
    /// <summary>Set while the customer is in a public pool; the owner is then null.</summary>
    public Guid? PoolId { get; set; }
    [NotLogged] public DateTime? PooledAt { get; set; }
    /// <summary>Locked customers are never released to a pool.</summary>
    public bool IsLocked { get; set; }

    public DateTime? LastFollowUpAt { get; set; }
    public DateTime? NextFollowUpAt { get; set; }
    /// <summary>The last won deal, reported by the sales module; pool rules on "days without a deal" read it.</summary>
    public DateTime? LastDealAt { get; set; }
    /// <summary>When the owner was last warned of an upcoming release (one warning per ownership period).</summary>
    [NotLogged] public DateTime? ReleaseWarnedAt { get; set; }

    public CustomerStatus Status { get; set; }
    public Guid? MergedIntoId { get; set; }
    /// <summary>The import that created it, so the import can be reverted.</summary>
    [NotLogged] public Guid? ImportBatchId { get; set; }
}
