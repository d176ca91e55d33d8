using SaasCrm.Platform.Domain;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Complaints;

/// <summary>Status changes and assignment of a complaint shared by the HTTP actions and the workflow engine (tracked, not saved).</summary>
public sealed class ComplaintWorkflowActions(IWorkflowSignals signals, ServiceHistoryWriter history, TimeProvider clock)
{
    public async Task ChangeStatusAsync(Complaint complaint, ComplaintStatus to, string? note, bool signal, CancellationToken ct)
    {
        var from = complaint.Status;
        if (from == to && to != ComplaintStatus.Transferred) return;
        if (!ComplaintTransitions.IsAllowed(from, to))
            throw new BusinessException("complaint.invalid_transition", $"A complaint cannot go from {from} to {to}.", 409, "status") { Detail = $"{from}->{to}" };
        var changed = new List<string>();
        if (to == ComplaintStatus.Closed) complaint.ClosedAt = clock.GetUtcNow().UtcDateTime;
        if (from == ComplaintStatus.Closed && to == ComplaintStatus.Reopened)
        {
            // Reopening a closed complaint by hand starts a new round like an unsatisfied return visit.
            complaint.ClosedAt = null;
            complaint.Round++;
            changed.Add("round");
        }
        complaint.Status = to;
        history.Add(ServiceRecordTypes.Complaint, complaint.Id, "status", from.ToString(), to.ToString(), note);
        if (!signal || from == to) return;
        await signals.StatusChangedAsync(ServiceRecordTypes.Complaint, complaint.Id, from.ToString(), to.ToString(), ct);
        if (changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Complaint, complaint.Id, changed, ct);
    }

    public async Task AssignAsync(Complaint complaint, Guid? userId, Guid? departmentId, string? reason, bool signal, CancellationToken ct)
    {
        var changed = new List<string>();
        if (departmentId != complaint.DepartmentId)
        {
            history.Add(ServiceRecordTypes.Complaint, complaint.Id, "department", complaint.DepartmentId?.ToString(), departmentId?.ToString(), reason);
            complaint.DepartmentId = departmentId;
            changed.Add("departmentId");
        }
        if (userId != complaint.AssigneeId)
        {
            history.Add(ServiceRecordTypes.Complaint, complaint.Id, "assigned", complaint.AssigneeId?.ToString(), userId?.ToString(), reason);
            complaint.AssigneeId = userId;
            changed.Add("assigneeId");
        }
        if (signal && changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Complaint, complaint.Id, changed, ct);
    }
}
