namespace SaasCrm.Search;

/// <summary>Configuration section "Search".</summary>
public sealed class SearchOptions
{
    public const string LuceneEngine = "Lucene", ElasticsearchEngine = "Elasticsearch";

    /// <summary>Lucene (embedded, an index per tenant on this node's disk) or Elasticsearch (shared by all nodes).</summary>
    public string Engine { get; set; } = LuceneEngine;
    /// <summary>Names this node in the applied-position table; defaults to the machine name. Each node with its own Lucene index needs its own id.</summary>
    public string? NodeId { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// Sequences are assigned at insert but transactions commit in any order: an operation with a lower sequence can
    /// appear after a higher one was applied. Operations younger than this are checked again until they are older.
    /// </summary>
    public TimeSpan SafetyWindow { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 500;
    /// <summary>A node this many operations behind rebuilds the tenant from the database instead of replaying.</summary>
    public int RebuildWhenBehind { get; set; } = 50_000;
    /// <summary>Applied operations older than this are removed; a node that was away longer rebuilds.</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Health turns Degraded when the oldest unapplied operation is older than this.</summary>
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A tenant's Lucene index not used for this long is closed (its files and memory released) until next used.</summary>
    public TimeSpan CloseIdleIndexAfter { get; set; } = TimeSpan.FromMinutes(10);
    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

public sealed class ElasticsearchOptions
{
    public string? Url { get; set; }
    /// <summary>Index names are {prefix}-t-{tenant id}; the prefix separates deployments sharing a cluster.</summary>
    public string IndexPrefix { get; set; } = "saascrm";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ApiKey { get; set; }
    public int Shards { get; set; } = 1;
    public int Replicas { get; set; } = 1;
}
