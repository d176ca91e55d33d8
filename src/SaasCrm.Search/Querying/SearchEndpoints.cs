using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search.Indexing;
using SaasCrm.Search.Rebuild;

namespace SaasCrm.Search.Querying;

internal static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/search").WithTags("Search");
        api.MapGet("/", (SearchService s, HttpRequest request, string? q, string? types, int? page, int? pageSize, CancellationToken ct) =>
            s.SearchAsync(q, types, page, pageSize, FiltersOf(request), ct)).RequirePermission(SearchPermissions.Default);
        api.MapGet("/index", (SearchIndexStatusService s, ICurrentTenant tenant, CancellationToken ct) =>
            s.GetAsync(tenant.Id ?? Guid.Empty, null, ct)).RequirePermission(SearchPermissions.Manage);
        api.MapPost("/index/rebuild", async (SearchRebuildService s, ICurrentTenant tenant, CancellationToken ct) =>
            Results.Accepted("/api/search/index", await s.RequestAsync(tenant.Id ?? Guid.Empty, ct))).RequirePermission(SearchPermissions.Manage);

        var host = app.MapGroup("/api/host/search").WithTags("Search (host)");
        host.MapGet("/index", (SearchIndexStatusService s, Guid? tenantId, string? nodeId, CancellationToken ct) =>
            s.GetAsync(tenantId, nodeId, ct)).RequirePermission(SearchPermissions.Host);
        host.MapPost("/tenants/{tenantId:guid}/rebuild", async (Guid tenantId, SearchRebuildService s, CancellationToken ct) =>
            Results.Accepted("/api/host/search/index", await s.RequestAsync(tenantId, ct))).RequirePermission(SearchPermissions.HostManage);
    }

    private static Dictionary<string, string> FiltersOf(HttpRequest request)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in SearchService.FilterNames)
        {
            if (request.Query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString())) filters[name] = value.ToString().Trim();
        }
        return filters;
    }
}

public static class SearchPermissions
{
    public const string Default = "Search";
    /// <summary>Index status and rebuild of the own tenant.</summary>
    public const string Manage = "Search.Manage";
    public const string Host = "Host.Search";
    public const string HostManage = "Host.Search.Manage";
}

internal sealed class SearchPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup("Search", new LocalizedText("Search", "搜索"));
        group.Add(SearchPermissions.Default, new("Full-text search", "全文搜索"), MultiTenancySides.Tenant, SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager)
            .AddChild(SearchPermissions.Manage, new("Search index status and rebuild", "搜索索引状态与重建"));
        group.Add(SearchPermissions.Host, new("Search indexes (all tenants)", "搜索索引（全部租户）"), MultiTenancySides.Host)
            .AddChild(SearchPermissions.HostManage, new("Rebuild tenants' search indexes", "重建租户搜索索引"));
    }
}
