using SaasCrm.Search.Engines;

namespace SaasCrm.Search.Indexing;

/// <summary>This node's engine and its name in the applied-position table. Tests create more of them to act as other nodes.</summary>
public sealed class SearchNode(string nodeId, ISearchIndex index)
{
    public string NodeId { get; } = nodeId;
    public ISearchIndex Index { get; } = index;
}
