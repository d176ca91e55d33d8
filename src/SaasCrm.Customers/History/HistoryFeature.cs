using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.History;

public sealed record OwnershipRecordDto(Guid Id, OwnershipAction Action, Guid? FromUserId, string? FromUserName, Guid? ToUserId, string? ToUserName,
    Guid? PoolId, string? Reason, DateTime At, Guid? ByUserId, string? ByUserName);

/// <summary>A customer's owner and pool history, and its readable change history (C9).</summary>
internal sealed class HistoryFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OwnershipHistory>();
        services.AddScoped<ChangeHistory>();
    }

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:guid}/ownership", async (Guid id, CustomerAccess access, OwnershipHistory history, CancellationToken ct) =>
        {
            await access.GetVisibleAsync(id, ct);
            return await history.ListAsync(id, 200, ct);
        }).RequirePermission(CustomerPermissions.Default);

        api.MapGet("/customers/{id:guid}/history", async (Guid id, string? field, Guid? userId, string? cursor, int? pageSize, CustomerAccess access, ChangeHistory history, CancellationToken ct) =>
        {
            await access.GetVisibleAsync(id, ct);
            return await history.ListAsync(id, field, userId, cursor, pageSize, ct);
        }).RequirePermission(CustomerPermissions.Default);
    }

}

public sealed class OwnershipHistory(PlatformDbContext db, UserNames users)
{
    public async Task<IReadOnlyList<OwnershipRecordDto>> ListAsync(Guid customerId, int take, CancellationToken ct)
    {
        var rows = await db.Set<OwnershipRecord>().AsNoTracking().Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
        await users.LoadAsync(rows.SelectMany(r => new[] { r.FromUserId, r.ToUserId, r.ByUserId }), ct);
        return rows.Select(r => new OwnershipRecordDto(r.Id, r.Action, r.FromUserId, users.Of(r.FromUserId), r.ToUserId, users.Of(r.ToUserId),
            r.PoolId, r.Reason, r.At, r.ByUserId, users.Of(r.ByUserId))).ToList();
    }
}
