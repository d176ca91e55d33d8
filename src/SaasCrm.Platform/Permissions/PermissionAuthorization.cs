using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Platform.Permissions;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Endpoint metadata naming the permission it needs (read by the 403 answer and by tests).</summary>
public sealed record RequiredPermissionMetadata(string Permission);

public sealed class PermissionAuthorizationHandler(IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var services = accessor.HttpContext?.RequestServices;
        if (services is null) return;
        var checker = services.GetRequiredService<IPermissionChecker>();
        if (await checker.IsGrantedAsync(requirement.Permission, accessor.HttpContext!.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>Every endpoint declares the permission it needs; nothing is reachable by being signed in alone.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)))
            .WithMetadata(new RequiredPermissionMetadata(permission));
}
