using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge.Articles;

public sealed record SaveArticleRequest(
    string Title,
    string? Body,
    string CategoryCode,
    IReadOnlyList<string>? Tags,
    ArticleVisibility Visibility,
    IReadOnlyList<Guid>? AttachmentFileIds,
    /// <summary>Required on update: the stamp read (a stale one answers 409).</summary>
    string? ConcurrencyStamp = null);

public sealed record ConcurrencyRequest(string ConcurrencyStamp);

public sealed record ArticleAttachmentDto(Guid FileId, string FileName, long Size);

public sealed record ArticleDto(
    Guid Id,
    string Title,
    string Body,
    string CategoryCode,
    IReadOnlyList<string> Tags,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    int VersionNumber,
    DateTime? PublishedAt,
    Guid? SourceTicketId,
    long ViewCount,
    int HelpfulYes,
    int HelpfulNo,
    /// <summary>The caller's own answer; null when not given.</summary>
    bool? MyFeedback,
    IReadOnlyList<ArticleAttachmentDto> Attachments,
    DateTime CreatedAt,
    Guid? CreatedBy,
    string? CreatedByName,
    DateTime? ModifiedAt,
    string ConcurrencyStamp);

public sealed record ArticleVersionDto(int Number, string Title, string Body, string CategoryCode, IReadOnlyList<string> Tags, ArticleVisibility Visibility,
    string Note, Guid? AuthorId, string? AuthorName, DateTime At);

public sealed record ArticleHelpfulRequest(bool Helpful);

public sealed record ArticleHelpfulDto(int HelpfulYes, int HelpfulNo, bool MyFeedback);

/// <summary>A row of the list or of a search: the title and summary are HTML (escaped, matches in &lt;em&gt;).</summary>
public sealed record ArticleListItemDto(
    Guid Id,
    string Title,
    string Summary,
    string CategoryCode,
    IReadOnlyList<string> Tags,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    long ViewCount,
    DateTime? PublishedAt,
    DateTime UpdatedAt);

public sealed record ArticleCategoryCountDto(string Code, long Count);

public sealed record ArticleSearchResponse(string? Query, int Page, int PageSize, long Total, IReadOnlyList<ArticleListItemDto> Items, IReadOnlyList<ArticleCategoryCountDto> Categories);

public sealed record ArticleSuggestionDto(Guid Id, string Title, string Summary, string CategoryCode, ArticleStatus Status, double Score);
