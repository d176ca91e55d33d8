using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Merge;

/// <summary>Merge duplicate customers into a survivor and undo it within the tenant's period (C8).</summary>
internal sealed class MergeFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PreviewMerge>();
        services.AddScoped<PerformMerge>();
        services.AddScoped<UnmergeCustomers>();
        services.AddScoped<MergeQueries>();
        services.AddScoped<IValidator<MergePreviewRequest>, MergePreviewRequestValidator>();
        services.AddScoped<IValidator<MergeRequest>, MergeRequestValidator>();
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<CustomerMerge>(b =>
        {
            b.ToTable("CustomerMerges");
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(x => new { x.TenantId, x.SurvivorId, x.MergedAt });
            b.HasIndex(x => new { x.TenantId, x.MergedAt });
        });
        builder.Entity<CustomerMergeLoser>(b =>
        {
            b.ToTable("CustomerMergeLosers");
            b.HasIndex(x => new { x.TenantId, x.MergeId });
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
        });
        builder.Entity<CustomerMergeItem>(b =>
        {
            b.ToTable("CustomerMergeItems");
            b.Property(x => x.Kind).HasMaxLength(32).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.MergeId, x.Kind });
        });
    }

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customer-merges").WithTags("Customer merges");
        const string permission = CustomerPermissions.Merge;
        group.MapPost("/preview", (MergePreviewRequest request, PreviewMerge handler, CancellationToken ct) => handler.ExecuteAsync(request, ct))
            .Validate<MergePreviewRequest>().RequirePermission(permission);
        group.MapPost("/", async (MergeRequest request, PerformMerge handler, CancellationToken ct) =>
        {
            var merge = await handler.ExecuteAsync(request, ct);
            return Results.Created($"/api/customer-merges/{merge.Id}", merge);
        }).Validate<MergeRequest>().RequirePermission(permission);
        group.MapGet("/", (Guid? customerId, int? page, int? pageSize, MergeQueries queries, CancellationToken ct) => queries.ListAsync(customerId, page, pageSize, ct))
            .RequirePermission(permission);
        group.MapGet("/{id:guid}", (Guid id, MergeQueries queries, CancellationToken ct) => queries.GetAsync(id, ct)).RequirePermission(permission);
        group.MapPost("/{id:guid}/unmerge", (Guid id, UnmergeCustomers handler, CancellationToken ct) => handler.ExecuteAsync(id, ct)).RequirePermission(permission);
    }
}
