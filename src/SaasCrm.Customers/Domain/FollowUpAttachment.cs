using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

/// <summary>
/// A file (visit photo, quotation, minutes) kept with a follow-up. It hangs on the follow-up, so it moves with it in a
/// merge and its unmerge, and is read by whoever may see the follow-up's customer.
/// </summary>
public sealed class FollowUpAttachment : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid FollowUpId { get; set; }
    public Guid FileId { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public Guid? AddedBy { get; set; }
    public DateTime At { get; set; }
}
