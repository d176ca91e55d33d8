using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Modularity;
using SaasCrm.Search;
using SaasCrm.Service.Knowledge.Articles;
using SaasCrm.Service.Knowledge.FromTickets;
using SaasCrm.Service.Knowledge.Search;

namespace SaasCrm.Service.Knowledge;

/// <summary>Knowledge base (V7): articles with versions, visibility for portals, search with counts by category, links to tickets.</summary>
internal sealed class KnowledgeFeature : ServiceFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<KnowledgePermissionDefinitions>();
        services.AddDictionaries<KnowledgeDictionaries>();
        // Files no article uses any more (dropped in an edit, of a deleted article, never attached) are swept.
        services.AddFilePurpose<ArticleFileReferences>(new FilePurpose(ArticleService.AttachmentPurpose, 10 * 1024 * 1024, FileContentSniffer.Documents, ReadPermission: null));
        services.AddScoped<ArticleAccess>();
        services.AddScoped<ArticleService>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<TicketArticles>();
        services.AddScoped<ISearchDocumentSource, ArticleDocumentSource>();
        services.AddScoped<ISearchScopeProvider, ArticleScopeProvider>();
        services.AddScoped<SaasCrm.Platform.Seeding.IDemoDataSeeder, Demo.KnowledgeDemoData>();
    }

    public override void ConfigureModel(ModelBuilder builder) => KnowledgeModel.Configure(builder);

    public override void MapEndpoints(RouteGroupBuilder api) => ArticleEndpoints.Map(api);
}
