using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Search;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge;

/// <summary>
/// Who reads which article — one rule for the database and the index:
/// managers (Service.Knowledge.Manage) every article, drafts included; other staff with Service.Knowledge the
/// published ones of any visibility; a customer's portal account published articles visible to customers; a
/// partner's portal account published articles visible to partners AND to customers (what customers may read is
/// public enough for the partners serving them). Anything else answers 404.
/// </summary>
public sealed class ArticleAccess(PlatformDbContext db, ICurrentUser user, IPermissionChecker permissions)
{
    /// <summary>The index's "audience" filter: set only on published articles meant for portal accounts.</summary>
    public const string AudienceField = "audience", CategoryField = "category", StatusField = "status", VisibilityField = "visibility";

    public static string? AudienceOf(Article a) =>
        a.Status != ArticleStatus.Published ? null : a.Visibility switch
        {
            ArticleVisibility.Customers => "customers",
            ArticleVisibility.Partners => "partners",
            _ => null,
        };

    public Guid Me => user.Id ?? Guid.Empty;

    public UserKind Kind => user.Kind;

    /// <summary>Visibilities a portal account of this kind reads.</summary>
    public static ArticleVisibility[] PortalVisibilities(UserKind kind) => kind switch
    {
        UserKind.Customer => [ArticleVisibility.Customers],
        UserKind.Partner => [ArticleVisibility.Customers, ArticleVisibility.Partners],
        _ => [],
    };

    public async Task<IQueryable<Article>> VisibleAsync(IQueryable<Article> source, CancellationToken ct)
    {
        if (Kind != UserKind.Staff)
        {
            var visibilities = PortalVisibilities(Kind);
            return source.Where(a => a.Status == ArticleStatus.Published && visibilities.Contains(a.Visibility));
        }
        if (await permissions.IsGrantedAsync(KnowledgePermissions.Manage, ct)) return source;
        if (await permissions.IsGrantedAsync(KnowledgePermissions.Read, ct)) return source.Where(a => a.Status == ArticleStatus.Published);
        return source.Where(_ => false);
    }

    public async Task<SearchScope> SearchScopeAsync(CancellationToken ct)
    {
        if (Kind != UserKind.Staff)
        {
            var audiences = PortalVisibilities(Kind).Select(v => v == ArticleVisibility.Customers ? "customers" : "partners").ToList();
            return SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { [AudienceField] = audiences });
        }
        if (await permissions.IsGrantedAsync(KnowledgePermissions.Manage, ct)) return SearchScope.All;
        if (await permissions.IsGrantedAsync(KnowledgePermissions.Read, ct))
            return SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { [StatusField] = [nameof(ArticleStatus.Published).ToLowerInvariant()] });
        return SearchScope.Nothing;
    }

    public async Task<Article> GetVisibleAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var source = tracking ? db.Set<Article>() : db.Set<Article>().AsNoTracking();
        return await (await VisibleAsync(source, ct)).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Article", id);
    }
}
