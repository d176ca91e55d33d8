using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Http;

/// <summary>401 and 403 as ProblemDetails; a 403 names the permission that is missing.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemResults.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Sign in to continue.");
        }
        if (authorizeResult.Forbidden)
        {
            var permission = context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermissionMetadata>()?.Permission;
            return ProblemResults.WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden",
                "You do not have permission to do this.", permission is null ? null : $"Missing permission: {permission}");
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
