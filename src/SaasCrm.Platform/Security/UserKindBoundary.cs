using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;

namespace SaasCrm.Platform.Security;

/// <summary>The account kinds an endpoint serves; endpoints without it serve staff only.</summary>
public sealed record UserKindsMetadata(IReadOnlySet<UserKind> Kinds);

public static class UserKindEndpointExtensions
{
    /// <summary>A portal endpoint: signed-in accounts of these kinds only (staff are refused unless listed).</summary>
    public static TBuilder RequireUserKind<TBuilder>(this TBuilder builder, params UserKind[] kinds) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new UserKindsMetadata(kinds.ToHashSet()));

    /// <summary>Serves every kind of account (one's own profile and preferences).</summary>
    public static TBuilder AllowAnyUserKind<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UserKindsMetadata(Enum.GetValues<UserKind>().ToHashSet()));

    public static UserKind GetUserKind(this ClaimsPrincipal? principal) =>
        principal?.FindFirst(PlatformClaims.UserKind)?.Value switch
        {
            null => UserKind.Staff,
            "customer" => UserKind.Customer,
            "partner" => UserKind.Partner,
            _ => throw new InvalidOperationException("Unknown account kind in token."),
        };
}

/// <summary>
/// Keeps portal accounts out of staff endpoints and staff out of portal endpoints, whatever permissions say:
/// a portal account holds no roles, but this does not rely on that. Runs after authorization, before the endpoint.
/// </summary>
public sealed class UserKindBoundaryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true) return next(context);
        var allowed = context.GetEndpoint()?.Metadata.GetMetadata<UserKindsMetadata>()?.Kinds;
        var kind = context.User.GetUserKind();
        if (allowed is null ? kind == UserKind.Staff : allowed.Contains(kind)) return next(context);
        return ProblemResults.WriteAsync(context, StatusCodes.Status403Forbidden, "account_kind_forbidden",
            kind == UserKind.Staff ? "This endpoint serves portal accounts." : "Portal accounts cannot use this endpoint.");
    }
}
