using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Handover;

public enum HandoverStatus { Queued, Running, Completed, Failed }

/// <summary>
/// One handover of a rep's customers to another rep (C7): what was asked, and how far the job got. Change-logged
/// (who asked, when, the outcome); the per-batch counters are not, they only show progress.
/// </summary>
public sealed class CustomerHandover : AuditedEntity
{
    public Guid FromUserId { get; set; }
    public Guid ToUserId { get; set; }
    /// <summary>Only customers of these levels (empty: any level).</summary>
    public List<string> LevelCodes { get; set; } = [];
    /// <summary>Only customers with any of these tags (empty: any).</summary>
    public List<string> Tags { get; set; } = [];
    /// <summary>Only these customers (null: all of the rep's customers matching the filter).</summary>
    [NotLogged] public List<Guid>? CustomerIds { get; set; }
    public bool IncludeReminders { get; set; }
    /// <summary>Asks later modules (through <see cref="CustomersHandedOver"/>) to move their open records too.</summary>
    public bool IncludeOpenRecords { get; set; }
    /// <summary>The previous owner keeps access as a collaborator until then.</summary>
    public DateTime? KeepCollaboratorUntil { get; set; }
    public string Reason { get; set; } = "";

    public HandoverStatus Status { get; set; }
    /// <summary>Customers matching when the handover was asked for.</summary>
    public int Total { get; set; }
    [NotLogged] public int Moved { get; set; }
    [NotLogged] public int RemindersMoved { get; set; }
    [NotLogged] public int CollaboratorsAdded { get; set; }
    [NotLogged] public int Batches { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Error { get; set; }
}
