namespace SaasCrm.Service.Domain;

/// <summary>Life of a ticket: New → Assigned → InProgress ⇄ WaitingForCustomer → Resolved → Closed; reopen goes back to InProgress.</summary>
public enum TicketStatus { New, Assigned, InProgress, WaitingForCustomer, Resolved, Closed }

/// <summary>Which status changes a ticket allows; everything else is refused with <c>ticket.invalid_transition</c>.</summary>
public static class TicketTransitions
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Closed],
        [TicketStatus.Assigned] = [TicketStatus.New, TicketStatus.InProgress, TicketStatus.Closed],
        [TicketStatus.InProgress] = [TicketStatus.WaitingForCustomer, TicketStatus.Resolved],
        [TicketStatus.WaitingForCustomer] = [TicketStatus.InProgress, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.Closed] = [TicketStatus.InProgress],
    };

    public static bool IsAllowed(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketStatus> From(TicketStatus from) => Allowed[from];

    /// <summary>Open tickets still need work: they count for workloads, handover and the overdue filter.</summary>
    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);

    public static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForCustomer];
}
