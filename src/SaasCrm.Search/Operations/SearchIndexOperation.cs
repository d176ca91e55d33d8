using SaasCrm.Platform.Domain;

namespace SaasCrm.Search.Operations;

/// <summary>
/// One entry of the index operation log: "record X of type T changed, re-read it". Written in the same
/// transaction as the change; every node applies the log in order and remembers how far it got.
/// </summary>
public sealed class SearchIndexOperation : IMultiTenant
{
    /// <summary>Database-assigned and increasing: the order nodes apply the log in.</summary>
    public long Sequence { get; set; }
    public Guid? TenantId { get; private set; }
    public string DocumentType { get; set; } = "";
    public Guid DocumentId { get; set; }
    public DateTime CreatedAt { get; set; }
}
