using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Assignment;

/// <summary>
/// Round-robin position of one pool. Moved in the same transaction as the assignment it made; <see cref="Version"/>
/// is a concurrency token, so two concurrent assignments never take the same slot (the loser retries).
/// </summary>
public sealed class RoundRobinPointer : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Pool { get; set; } = "";
    public Guid? LastUserId { get; set; }
    public long Turns { get; set; }
    public int Version { get; set; }
}

/// <summary>Why a record went to whom: strategy, the candidates with their loads, the choice and the reason.</summary>
public sealed class AssignmentDecision : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string RecordType { get; set; } = "";
    public Guid RecordId { get; set; }
    public Guid? InstanceId { get; set; }
    public string? StepId { get; set; }
    public string Strategy { get; set; } = "";
    /// <summary>JSON array of {userId, load, available}.</summary>
    public string CandidatesJson { get; set; } = "[]";
    public Guid? ChosenUserId { get; set; }
    public Guid? ChosenDepartmentId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The reason for the UI (workflows.assignmentReason.{code}); null on rows written before codes.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>JSON object of the code's values (names, counts), or null.</summary>
    public string? ReasonArgsJson { get; set; }
    public DateTime At { get; set; }
}
