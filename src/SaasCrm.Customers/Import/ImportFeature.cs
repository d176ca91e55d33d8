using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Customers.Import;

/// <summary>Customer import from CSV and Excel (P12): upload, mapping, dry run, commit (inline or as a job), revert.</summary>
internal sealed class ImportFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Customers:Import");
        services.Configure<ImportOptions>(section);
        var maxBytes = section.GetValue<long?>(nameof(ImportOptions.MaxFileBytes)) ?? new ImportOptions().MaxFileBytes;
        services.AddFilePurpose(new FilePurpose(ImportService.UploadPurpose, maxBytes, [FileFormat.Csv, FileFormat.Xlsx], CustomerPermissions.Import));
        services.AddFilePurpose(new FilePurpose(ImportService.ErrorFilePurpose, long.MaxValue, [FileFormat.Csv, FileFormat.Xlsx], CustomerPermissions.Import));
        services.AddScoped<ImportValidator>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportRevert>();
        services.AddBackgroundJob<ImportJobArgs, ImportJob>(maxAttempts: 3);
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<ImportBatch>(b =>
        {
            b.ToTable("CustomerImports");
            b.Property(x => x.FileName).HasMaxLength(200).IsRequired();
            b.Property(x => x.Format).HasConversion<string>().HasMaxLength(8);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken(); // the commit claims by status
            b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.FailureCode).HasMaxLength(64);
            b.HasIndex(x => new { x.TenantId, x.CreatedBy, x.CreatedAt });
        });
        builder.Entity<ImportMapping>(b =>
        {
            b.ToTable("CustomerImportMappings");
            b.Property(x => x.HeaderKey).HasMaxLength(64).IsRequired();
            b.Property(x => x.Mapping).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.UserId, x.HeaderKey }).IsUnique();
        });
    }

    public override void MapEndpoints(RouteGroupBuilder api) => ImportEndpoints.Map(api);
}
