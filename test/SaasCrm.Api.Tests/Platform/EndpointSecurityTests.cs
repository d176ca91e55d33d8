using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>Walks every endpoint: each declares a permission, except a short, reviewed list.</summary>
public sealed class EndpointSecurityTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    // Public by nature: signing in, health, the API description.
    private static readonly string[] Anonymous =
    [
        "POST /api/account/login", "POST /api/account/logout", "POST /api/account/refresh",
        "GET /health", "GET /openapi/{documentName}.json",
        // The telephony system: no user, a tenant API key checked by the handler (401 without a valid one).
        "POST /api/telephony/incoming-call", "POST /api/telephony/call-ended", "POST /api/telephony/call-answered",
        // The portal invitee has no password yet; sign-up is for people without an account (refused unless the tenant allows it).
        "POST /api/portal/invitations/accept", "POST /api/portal/sign-up",
    ];

    // Every signed-in user may read their own grants (the UI builds its menu from them) and keep their own profile.
    private static readonly string[] SignedInOnly = ["GET /api/permissions/mine", "GET /api/account/me", "PUT /api/account/me/preferences"];

    [Fact]
    public void Every_endpoint_requires_a_permission_unless_it_is_on_the_reviewed_lists()
    {
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var anonymous = new List<string>();
        var signedInOnly = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = Describe(endpoint);
            if (endpoint.RoutePattern.RawText?.StartsWith("/api-docs", StringComparison.Ordinal) == true) continue; // the API browser's own files
            if (endpoint.RoutePattern.RawText == "{*path:nonfile}") continue; // the UI's index.html for deep links (API paths excluded)
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) anonymous.Add(name);
            else if (endpoint.Metadata.GetMetadata<RequiredPermissionMetadata>() is not null) continue;
            // Portal endpoints: signed-in customer or partner accounts only, checked against the account's own records.
            else if (endpoint.Metadata.GetMetadata<UserKindsMetadata>() is { } kinds && !kinds.Kinds.Contains(UserKind.Staff)) continue;
            else if (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()) signedInOnly.Add(name);
            else Assert.Fail($"{name} declares neither a permission nor AllowAnonymous.");
        }
        Assert.Equal(Anonymous.Order(), anonymous.Distinct().Order());
        Assert.Equal(SignedInOnly.Order(), signedInOnly.Distinct().Order());
    }

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return $"{string.Join(",", methods.Where(m => m != "HEAD"))} {endpoint.RoutePattern.RawText?.TrimEnd('/')}";
    }
}
