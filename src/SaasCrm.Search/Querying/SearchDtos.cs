using SaasCrm.Platform.Permissions;

namespace SaasCrm.Search.Querying;

/// <summary>GET /api/search answer: one group per document type, each with its total and a page of hits.</summary>
public sealed record SearchResponse(string Query, int Page, int PageSize, long Total, IReadOnlyList<SearchGroupDto> Groups);

public sealed record SearchGroupDto(string Type, LocalizedText Label, long Total, bool TotalIsLowerBound, IReadOnlyList<SearchHitDto> Hits);

/// <param name="Title">HTML: the title escaped, matches in &lt;em&gt;.</param>
/// <param name="Highlights">HTML fragments of other fields that matched, by field name (address, remark, phones ...).</param>
public sealed record SearchHitDto(string Type, Guid Id, string Title, string? Subtitle, string? Link, double Score, IReadOnlyList<SearchHighlightDto> Highlights);

public sealed record SearchHighlightDto(string Field, string Fragment);
