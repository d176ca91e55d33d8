using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Knowledge.Domain;

public enum ArticleStatus { Draft, Published }

/// <summary>Who may read a published article besides staff: nobody else, customers' portal accounts, partners' portal accounts.</summary>
public enum ArticleVisibility { Internal, Customers, Partners }

/// <summary>A knowledge base article (V7). Its content is the latest version; older ones are kept in <see cref="ArticleVersion"/>.</summary>
public sealed class Article : AuditedEntity
{
    public string Title { get; set; } = "";
    /// <summary>Rich text as sanitised HTML (never stored unsanitised).</summary>
    public string Body { get; set; } = "";
    public string CategoryCode { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public ArticleVisibility Visibility { get; set; } = ArticleVisibility.Internal;
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    /// <summary>The number of the version the content is (1 on creation).</summary>
    public int VersionNumber { get; set; } = 1;
    public DateTime? PublishedAt { get; set; }
    /// <summary>The ticket the article was written from, if any.</summary>
    public Guid? SourceTicketId { get; set; }
    /// <summary>Counted on every read through the read view or the portal; not change-logged.</summary>
    [NotLogged] public long ViewCount { get; set; }
}

/// <summary>A saved state of an article: what it said at that version.</summary>
public sealed class ArticleVersion : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ArticleId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string CategoryCode { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public ArticleVisibility Visibility { get; set; }
    /// <summary>Why it exists: "created", "edited", "published", "restored from 2".</summary>
    public string Note { get; set; } = "";
    public Guid? AuthorId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A platform file attached to an article.</summary>
public sealed class ArticleAttachment : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ArticleId { get; set; }
    public Guid FileId { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public Guid? AddedBy { get; set; }
    public DateTime At { get; set; }
}

/// <summary>One user's "was this helpful" answer on an article; answering again replaces it.</summary>
public sealed class ArticleFeedback : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ArticleId { get; set; }
    public Guid UserId { get; set; }
    public bool Helpful { get; set; }
    public DateTime At { get; set; }
}
