using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Engines.Elasticsearch;
using SaasCrm.Search.Engines.Lucene;
using SaasCrm.Search.Indexing;
using SaasCrm.Search.Operations;
using SaasCrm.Search.Querying;
using SaasCrm.Search.Rebuild;

namespace SaasCrm.Search;

/// <summary>Tenant-isolated full-text search (Q1–Q3): an index per tenant, kept in step through the index operation log.</summary>
public sealed class SearchModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Search"));
        services.AddPermissionDefinitions<SearchPermissionDefinitions>();
        services.AddScoped<ISearchIndexQueue, SearchIndexQueue>();
        services.AddHttpClient(nameof(ElasticsearchSearchIndex));
        services.AddSingleton(CreateNode);
        services.AddSingleton(sp => sp.GetRequiredService<SearchNode>().Index);
        services.AddSingleton<SearchIndexApplier>();
        services.AddHostedService<SearchIndexApplierService>();
        services.AddScoped<SearchService>();
        services.AddScoped<IDocumentSearch, DocumentSearch>();
        services.AddScoped<SearchIndexStatusService>();
        services.AddScoped<SearchRebuildService>();
        services.AddBackgroundJob<SearchRebuildArgs, SearchRebuildJob>(maxAttempts: 3);
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search");
    }

    private static SearchNode CreateNode(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
        if (string.Equals(options.Engine, SearchOptions.ElasticsearchEngine, StringComparison.OrdinalIgnoreCase))
        {
            var url = options.Elasticsearch.Url ?? throw new InvalidOperationException("Search:Engine is Elasticsearch but Search:Elasticsearch:Url is not set.");
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ElasticsearchSearchIndex));
            http.BaseAddress = new Uri(url);
            // The index is shared by all nodes: they share one position, and versioned writes make concurrent appliers harmless.
            return new SearchNode(options.NodeId ?? "elasticsearch", new ElasticsearchSearchIndex(http, options.Elasticsearch, sp.GetRequiredService<TimeProvider>()));
        }
        var folder = sp.GetRequiredService<IOptions<DataFolderOptions>>().Value.Path;
        return new SearchNode(options.NodeId ?? Environment.MachineName, new LuceneSearchIndex(Path.Combine(folder, "search", "lucene"), sp.GetRequiredService<TimeProvider>()));
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<SearchIndexOperation>(b =>
        {
            b.ToTable("SearchIndexOperations");
            b.HasKey(x => x.Sequence);
            b.Property(x => x.Sequence).ValueGeneratedOnAdd();
            b.Property(x => x.DocumentType).HasMaxLength(64).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.Sequence });
        });
        builder.Entity<SearchIndexPosition>(b =>
        {
            b.ToTable("SearchIndexPositions");
            b.HasKey(x => new { x.TenantId, x.NodeId });
            b.Property(x => x.NodeId).HasMaxLength(128);
        });
        builder.Entity<SearchIndexRebuildRequest>(b =>
        {
            b.ToTable("SearchIndexRebuildRequests");
            b.HasKey(x => x.TenantId);
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => SearchEndpoints.Map(endpoints);
}
