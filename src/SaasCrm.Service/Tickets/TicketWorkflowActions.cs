using SaasCrm.Platform.Domain;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Tickets;

/// <summary>
/// The state changes of a ticket shared by the HTTP actions and the workflow engine (<see cref="Workflow.TicketRecordType"/>):
/// status transitions with their timestamps, the SLA clock stop while waiting for the customer, and assignment.
/// Changes are made on the tracked entity and not saved. With <c>signal</c> the workflow signals are written too
/// (user actions); changes made by the engine itself are not signalled back to it.
/// </summary>
public sealed class TicketWorkflowActions(IWorkflowSignals signals, IBusinessCalendar calendar, ServiceHistoryWriter history, TimeProvider clock)
{
    public async Task ChangeStatusAsync(Ticket ticket, TicketStatus to, string? note, bool signal, CancellationToken ct)
    {
        var from = ticket.Status;
        if (from == to) return;
        if (!TicketTransitions.IsAllowed(from, to))
            throw new BusinessException("ticket.invalid_transition", $"A ticket cannot go from {from} to {to}.", 409, "status") { Detail = $"{from}->{to}" };
        if (to == TicketStatus.Assigned && ticket.AssigneeId is null)
            throw new BusinessException("ticket.no_assignee", "Assign the ticket to someone first.", 409, "status");

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<string>();
        if (from == TicketStatus.WaitingForCustomer) await ResumeSlaClockAsync(ticket, now, changed, ct);
        switch (to)
        {
            case TicketStatus.New:
                ticket.AssigneeId = null;
                ticket.AssignedAt = null;
                changed.Add("assigneeId");
                break;
            case TicketStatus.WaitingForCustomer:
                ticket.WaitingSince = now;
                break;
            case TicketStatus.Resolved:
                ticket.ResolvedAt = now;
                break;
            case TicketStatus.Closed:
                ticket.ClosedAt = now;
                break;
            case TicketStatus.InProgress when from is TicketStatus.Resolved or TicketStatus.Closed:
                ticket.ReopenCount++;
                ticket.ResolvedAt = null;
                ticket.ClosedAt = null;
                break;
        }
        ticket.Status = to;
        var action = to == TicketStatus.InProgress && from is TicketStatus.Resolved or TicketStatus.Closed ? "reopened" : "status";
        history.Add(ServiceRecordTypes.Ticket, ticket.Id, action, from.ToString(), to.ToString(), note);
        if (!signal) return;
        await signals.StatusChangedAsync(ServiceRecordTypes.Ticket, ticket.Id, from.ToString(), to.ToString(), ct);
        if (changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, ticket.Id, changed, ct);
    }

    /// <summary>
    /// Waiting for the customer stops the SLA clock: the due times move on by the working time spent waiting
    /// (the response due time only while nobody has answered yet).
    /// </summary>
    private async Task ResumeSlaClockAsync(Ticket ticket, DateTime now, List<string> changed, CancellationToken ct)
    {
        if (ticket.WaitingSince is not { } since) return;
        ticket.WaitingSince = null;
        var waited = await calendar.WorkingTimeBetweenAsync(since, now, ticket.DepartmentId, ct);
        if (waited <= TimeSpan.Zero) return;
        if (ticket.FirstRespondedAt is null && ticket.ResponseDueAt is { } response)
        {
            ticket.ResponseDueAt = await calendar.AddWorkingTimeAsync(response, waited, ticket.DepartmentId, ct);
            changed.Add("responseDueAt");
        }
        if (ticket.ResolutionDueAt is { } resolution)
        {
            ticket.ResolutionDueAt = await calendar.AddWorkingTimeAsync(resolution, waited, ticket.DepartmentId, ct);
            changed.Add("resolutionDueAt");
        }
        history.Add(ServiceRecordTypes.Ticket, ticket.Id, "slaPaused", since.ToString("O"), now.ToString("O"), $"Waited {waited:c} of working time for the customer.");
    }

    /// <summary>Assigns to a user and/or team. A new ticket given an assignee becomes Assigned; taking the assignee away puts it back in the queue.</summary>
    public async Task AssignAsync(Ticket ticket, Guid? userId, Guid? departmentId, bool keepDepartment, string? reason, bool signal, CancellationToken ct)
    {
        var changed = new List<string>();
        if (!keepDepartment && departmentId != ticket.DepartmentId)
        {
            history.Add(ServiceRecordTypes.Ticket, ticket.Id, "department", ticket.DepartmentId?.ToString(), departmentId?.ToString(), reason);
            ticket.DepartmentId = departmentId;
            changed.Add("departmentId");
        }
        if (userId != ticket.AssigneeId)
        {
            history.Add(ServiceRecordTypes.Ticket, ticket.Id, "assigned", ticket.AssigneeId?.ToString(), userId?.ToString(), reason);
            ticket.AssigneeId = userId;
            ticket.AssignedAt = userId is null ? null : clock.GetUtcNow().UtcDateTime;
            changed.Add("assigneeId");
            if (userId is not null && ticket.Status == TicketStatus.New) await ChangeStatusAsync(ticket, TicketStatus.Assigned, reason, signal, ct);
            else if (userId is null && ticket.Status == TicketStatus.Assigned) await ChangeStatusAsync(ticket, TicketStatus.New, reason, signal, ct);
        }
        if (signal && changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, ticket.Id, changed, ct);
    }
}
