using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Search.Operations;

namespace SaasCrm.Search;

/// <summary>Tenant-isolated full-text search (Q1–Q3): an index per tenant, kept in step through the index operation log.</summary>
public sealed class SearchModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISearchIndexQueue, SearchIndexQueue>();
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
    }
}
