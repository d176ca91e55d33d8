using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Export;

/// <summary>Customer export to Excel or CSV (P12).</summary>
internal sealed class ExportFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection("Customers:Export"));
        // An export holds what its creator could see: nobody else may download it.
        services.AddFilePurpose(new FilePurpose(ExportService.FilePurpose, long.MaxValue, [FileFormat.Csv, FileFormat.Xlsx], ReadPermission: null));
        services.AddScoped<ExportService>();
        services.AddBackgroundJob<ExportJobArgs, ExportJob>(maxAttempts: 3);
    }

    public override void ConfigureModel(ModelBuilder builder) =>
        builder.Entity<CustomerExport>(b =>
        {
            b.ToTable("CustomerExports");
            b.Property(x => x.Format).HasConversion<string>().HasMaxLength(8);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Language).HasMaxLength(8);
            b.Property(x => x.Columns).IsRequired();
            b.Property(x => x.Filter).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.CreatedBy, x.CreatedAt });
        });

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customer-exports").WithTags("Customer export");
        const string permission = CustomerPermissions.Export;
        group.MapGet("/columns", (ExportService s, CancellationToken ct) => s.ColumnsAsync(ct)).RequirePermission(permission);
        group.MapPost("/", async (CustomerExportRequest request, ExportService s, CancellationToken ct) =>
        {
            var (file, queued) = await s.ExportAsync(request, ct);
            return file is not null
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Accepted($"/api/customer-exports/{queued!.Id}", queued);
        }).RequirePermission(permission);
        group.MapGet("/{id:guid}", (Guid id, ExportService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(permission);
    }
}
