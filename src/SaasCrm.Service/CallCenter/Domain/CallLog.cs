using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.CallCenter.Domain;

public enum CallDirection { In, Out }

/// <summary>Where a call stands: ringing until answered or ended; missed when it ended without being answered (no talk time).</summary>
public enum CallStatus { Ringing, Answered, Ended, Missed }

/// <summary>
/// One phone call, incoming (reported by the tenant's telephony system) or outgoing (click-to-call). Owned by its
/// agent for the data scope; the customer is the one the number matched when the call started.
/// </summary>
public sealed class CallLog : AuditedEntity
{
    public CallDirection Direction { get; set; }
    /// <summary>The other party's number as the telephony system or the agent gave it.</summary>
    public string Number { get; set; } = "";
    public Guid? CustomerId { get; set; }
    public Guid? ContactId { get; set; }
    public string? ContactName { get; set; }
    public Guid? AgentId { get; set; }
    public string? AgentExtension { get; set; }
    /// <summary>The telephony system's or provider's id of the call; unique per tenant, so a repeated report is recognised.</summary>
    public string CallId { get; set; } = "";
    public DateTime StartedAt { get; set; }
    /// <summary>When the other party picked up, if the telephony system reported it (<c>call-answered</c>).</summary>
    public DateTime? AnsweredAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public string? RecordingUrl { get; set; }
    public string? Note { get; set; }
}

public static class CallStatuses
{
    public static CallStatus Of(DateTime? answeredAt, DateTime? endedAt, int? durationSeconds) =>
        endedAt is null ? answeredAt is null ? CallStatus.Ringing : CallStatus.Answered
        : answeredAt is null && durationSeconds is null or 0 ? CallStatus.Missed : CallStatus.Ended;
}
