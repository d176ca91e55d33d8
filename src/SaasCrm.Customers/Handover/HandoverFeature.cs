using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Handover;

/// <summary>Customer handover (C7): all or some customers of one rep to another, as a job with progress.</summary>
internal sealed class HandoverFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoverOptions>().BindConfiguration("Customers:Handover");
        services.AddScoped<StartHandover>();
        services.AddScoped<HandoverQueries>();
        services.AddScoped<IValidator<StartHandoverRequest>, StartHandoverValidator>();
        services.AddBackgroundJob<HandoverJobArgs, HandoverJob>(maxAttempts: 5);
    }

    public override void ConfigureModel(ModelBuilder builder) =>
        builder.Entity<CustomerHandover>(b =>
        {
            b.ToTable("CustomerHandovers");
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Reason).HasMaxLength(500).IsRequired();
            b.Property(x => x.Error).HasMaxLength(1000);
            Json(b.Property(x => x.LevelCodes)).HasMaxLength(2000);
            Json(b.Property(x => x.Tags)).HasMaxLength(2000);
            // Up to 10,000 ids: an unbounded text column.
            b.Property(x => x.CustomerIds).HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => v == null ? null : JsonSerializer.Deserialize<List<Guid>>(v, (JsonSerializerOptions?)null),
                new ValueComparer<List<Guid>?>((a, c) => a == null ? c == null : c != null && a.SequenceEqual(c), v => v == null ? 0 : v.Count, v => v == null ? null : v.ToList()));
            b.HasIndex(x => new { x.TenantId, x.RequestedAt });
            b.HasIndex(x => new { x.TenantId, x.FromUserId });
            b.HasIndex(x => new { x.TenantId, x.ToUserId });
        });

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customer-handovers").WithTags("Customer handovers");
        const string permission = CustomerPermissions.Handover;
        group.MapPost("/", async (StartHandoverRequest request, StartHandover handler, CancellationToken ct) =>
        {
            var created = await handler.ExecuteAsync(request, ct);
            return Results.Created($"/api/customer-handovers/{created.Id}", created);
        }).Validate<StartHandoverRequest>().RequirePermission(permission);
        group.MapGet("/", (Guid? userId, HandoverStatus? status, int? page, int? pageSize, HandoverQueries queries, CancellationToken ct) =>
            queries.ListAsync(userId, status, page, pageSize, ct)).RequirePermission(permission);
        group.MapGet("/{id:guid}", (Guid id, HandoverQueries queries, CancellationToken ct) => queries.GetAsync(id, ct)).RequirePermission(permission);
    }

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> Json(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
            new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()));
}
