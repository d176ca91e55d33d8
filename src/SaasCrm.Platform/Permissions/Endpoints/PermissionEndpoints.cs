using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Permissions.Endpoints;

public sealed record MyPermissionsResponse(Guid UserId, string? UserName, Guid? TenantId, string? TenantName, DataScope DataScope, IReadOnlyList<string> Permissions);

public sealed record PermissionGroupDto(string Name, LocalizedText DisplayName, IReadOnlyList<PermissionDto> Permissions);
public sealed record PermissionDto(string Name, LocalizedText DisplayName, string? Parent);

public static class PermissionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/permissions").WithTags("Permissions");
        // Any signed-in user may read their own grants: the UI builds its menu from them.
        group.MapGet("/mine", MineAsync).RequireAuthorization();
        group.MapGet("/definitions", Definitions).RequirePermission(PlatformPermissions.Roles.Default);
    }

    private static async Task<MyPermissionsResponse> MineAsync(IPermissionChecker checker, IDataScopeFilter scope, ICurrentUser user, ICurrentTenant tenant, CancellationToken ct)
    {
        var granted = await checker.GetGrantedAsync(ct);
        return new MyPermissionsResponse(user.Id!.Value, user.UserName, tenant.Id, tenant.Name, await scope.GetScopeAsync(ct), granted.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The permission tree of the caller's side (host or tenant), for the role editor.</summary>
    private static IReadOnlyList<PermissionGroupDto> Definitions(PermissionDefinitionManager definitions, ICurrentTenant tenant) =>
        definitions.Groups
            .Select(g => new PermissionGroupDto(g.Name, g.DisplayName, g.Permissions.SelectMany(Flatten)
                .Where(p => PermissionDefinitionManager.IsAvailableOn(p, tenant.Id))
                .Select(p => new PermissionDto(p.Name, p.DisplayName, p.Parent?.Name)).ToList()))
            .Where(g => g.Permissions.Count > 0)
            .ToList();

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition p) => p.Children.SelectMany(Flatten).Prepend(p);
}
