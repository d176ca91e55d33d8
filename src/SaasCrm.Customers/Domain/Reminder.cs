using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

[Flags]
public enum ReminderChannels { None = 0, InApp = 1, Email = 2, Sms = 4 }

public enum ReminderStatus { Pending, Fired, Done, Cancelled }

/// <summary>An appointment reminder (C4) for a user, usually the next follow-up of a customer.</summary>
public sealed class Reminder : AuditedEntity, IHasOwner
{
    /// <summary>The user reminded.</summary>
    public Guid OwnerId { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? FollowUpId { get; set; }
    public string Subject { get; set; } = "";
    public string? Note { get; set; }
    public DateTime DueAt { get; set; }
    public ReminderChannels Channels { get; set; } = ReminderChannels.InApp;
    public ReminderStatus Status { get; set; }
    [NotLogged] public DateTime? FiredAt { get; set; }
}
