namespace SaasCrm.Search.Indexing;

/// <summary>
/// How far one node has applied one tenant's index operation log (as Jira Data Center nodes track their
/// local index). Not <c>IMultiTenant</c>: the applier reads all tenants' rows host-side; the tenant is named explicitly.
/// </summary>
public sealed class SearchIndexPosition
{
    public Guid TenantId { get; set; }
    public string NodeId { get; set; } = "";
    /// <summary>Every operation up to here is applied (later ones within the safety window are re-checked).</summary>
    public long LastSequence { get; set; }
    /// <summary>The rebuild generation this node's index was built from (see <see cref="SearchIndexRebuildRequest"/>).</summary>
    public int Generation { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? RebuildStartedAt { get; set; }
    public int? RebuildTotal { get; set; }
    public int? RebuildDone { get; set; }
    public DateTime? RebuiltAt { get; set; }
}

/// <summary>A tenant's requested rebuild generation: every node whose index is of an older generation rebuilds it.</summary>
public sealed class SearchIndexRebuildRequest
{
    public Guid TenantId { get; set; }
    public int Generation { get; set; }
    public DateTime RequestedAt { get; set; }
}
