using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Customers.Pool.Admin;
using SaasCrm.Customers.Pool.Browse;
using SaasCrm.Customers.Pool.Claim;
using SaasCrm.Customers.Pool.Limits;
using SaasCrm.Customers.Pool.Release;
using SaasCrm.Customers.Pool.Rules;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Pool;

/// <summary>Public pools (C6): configuration, daily warning and release, preview, browsing, claiming, returning, limits.</summary>
internal sealed class PoolFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PoolAccess>();
        services.AddScoped<IPoolAccess>(sp => sp.GetRequiredService<PoolAccess>());
        services.AddScoped<PoolDirectory>();
        services.AddScoped<ReleaseCandidates>();
        services.AddScoped<PoolReleaser>();
        services.AddScoped<PoolReleaseScheduler>();
        services.AddScoped<PoolAdminService>();
        services.AddScoped<ClaimService>();
        services.AddScoped<ManualReleaseService>();
        services.AddScoped<PoolBrowseService>();
        services.AddScoped<ReleasePreviewService>();
        services.AddScoped<LimitsReportService>();
        services.AddBackgroundJob<PoolReleaseJobArgs, PoolReleaseJob>(maxAttempts: 5);
        // Validators are registered by the module (whole assembly).
    }

    public override void ConfigureModel(ModelBuilder builder) => Model.PoolModel.Configure(builder);

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        const string use = CustomerPermissions.Pool, manage = CustomerPermissions.PoolManage;
        var pools = api.MapGroup("/customer-pools").WithTags("Customer pools");

        // Configuration (admins).
        pools.MapGet("/", (PoolAdminService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(manage);
        pools.MapGet("/{id:guid}", (Guid id, PoolAdminService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(manage);
        pools.MapPost("/", async (SavePoolRequest r, PoolAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/customer-pools/{created.Id}", created);
        }).Validate<SavePoolRequest>().RequirePermission(manage);
        pools.MapPut("/{id:guid}", (Guid id, SavePoolRequest r, PoolAdminService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<SavePoolRequest>().RequirePermission(manage);
        pools.MapDelete("/{id:guid}", async (Guid id, PoolAdminService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        pools.MapGet("/{id:guid}/release-preview", (Guid id, int? page, int? pageSize, ReleasePreviewService s, CancellationToken ct) =>
            s.PreviewAsync(id, page, pageSize, ct)).RequirePermission(manage);
        pools.MapGet("/limits-report", (double? threshold, LimitsReportService s, CancellationToken ct) => s.ReportAsync(threshold, ct))
            .RequirePermission(manage);
        pools.MapPost("/{id:guid}/release", (Guid id, ManualReleaseRequest r, ManualReleaseService s, CancellationToken ct) => s.ReleaseAsync(id, r, ct))
            .Validate<ManualReleaseRequest>().RequirePermission(CustomerPermissions.Assign);

        // Members.
        pools.MapGet("/mine", (PoolBrowseService s, CancellationToken ct) => s.MineAsync(ct)).RequirePermission(use);
        pools.MapGet("/{id:guid}/customers", (Guid id, [AsParameters] PoolCustomerQuery q, PoolBrowseService s, CancellationToken ct) =>
            s.CustomersAsync(id, q, ct)).RequirePermission(use);
        pools.MapPost("/customers/{customerId:guid}/claim", (Guid customerId, ClaimService s, CancellationToken ct) => s.ClaimAsync(customerId, ct))
            .RequirePermission(use);
        api.MapPost("/customers/{id:guid}/return-to-pool", (Guid id, ReturnToPoolRequest r, ManualReleaseService s, CancellationToken ct) => s.ReturnAsync(id, r, ct))
            .Validate<ReturnToPoolRequest>().RequirePermission(use).WithTags("Customer pools");
    }
}
