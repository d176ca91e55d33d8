namespace SaasCrm.Service.Domain;

/// <summary>
/// Life of a complaint: New (recorded) → Transferred (with a responsible department and deadline) → Replied (the
/// department answered) → ReturnVisitPending (the service desk calls the customer back) → Closed when the customer
/// is satisfied, or Reopened when not (round + 1), which is transferred and replied again until satisfied.
/// </summary>
public enum ComplaintStatus { New, Transferred, Replied, ReturnVisitPending, Reopened, Closed }

public static class ComplaintTransitions
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Allowed = new()
    {
        [ComplaintStatus.New] = [ComplaintStatus.Transferred, ComplaintStatus.Replied, ComplaintStatus.Closed],
        [ComplaintStatus.Transferred] = [ComplaintStatus.Transferred, ComplaintStatus.Replied],
        [ComplaintStatus.Replied] = [ComplaintStatus.ReturnVisitPending, ComplaintStatus.Transferred, ComplaintStatus.Closed, ComplaintStatus.Reopened],
        [ComplaintStatus.ReturnVisitPending] = [ComplaintStatus.Closed, ComplaintStatus.Reopened],
        [ComplaintStatus.Reopened] = [ComplaintStatus.Transferred, ComplaintStatus.Replied],
        [ComplaintStatus.Closed] = [ComplaintStatus.Reopened],
    };

    public static bool IsAllowed(ComplaintStatus from, ComplaintStatus to) => Allowed[from].Contains(to);

    public static bool IsOpen(ComplaintStatus status) => status != ComplaintStatus.Closed;

    /// <summary>A department may reply while the complaint waits for it.</summary>
    public static bool CanReply(ComplaintStatus status) => status is ComplaintStatus.New or ComplaintStatus.Transferred or ComplaintStatus.Reopened;

    /// <summary>A return visit follows a reply.</summary>
    public static bool CanReturnVisit(ComplaintStatus status) => status is ComplaintStatus.Replied or ComplaintStatus.ReturnVisitPending;

    /// <summary>
    /// The domain rule of a return visit: satisfied closes, unsatisfied reopens and starts the next round. It holds
    /// without any workflow; a workflow only decides deadlines, escalation and notifications around it.
    /// </summary>
    public static (ComplaintStatus Status, int Round) AfterReturnVisit(int round, bool satisfied) =>
        satisfied ? (ComplaintStatus.Closed, round) : (ComplaintStatus.Reopened, round + 1);
}
