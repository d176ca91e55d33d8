using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Http.RateLimiting;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.CallCenter.ApiKeys;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Extensions;
using SaasCrm.Service.CallCenter.Incoming;

namespace SaasCrm.Service.CallCenter;

internal static class CallCenterEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var telephony = api.MapGroup("/telephony").WithTags("Call center");

        // The tenant's telephony system: no user, a tenant API key in X-Api-Key (checked in the handler, 401 without a valid one),
        // rate limited per key and client address.
        telephony.MapPost("/incoming-call", (HttpContext http, IncomingCallRequest request, IncomingCalls calls, CancellationToken ct) => calls.IncomingAsync(http, request, ct))
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.ApiKey)
            .Produces<IncomingCallResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        telephony.MapPost("/call-ended", async (HttpContext http, CallEndedRequest request, IncomingCalls calls, CancellationToken ct) =>
            {
                await calls.EndedAsync(http, request, ct);
                return Results.NoContent();
            })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.ApiKey)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        telephony.MapPost("/call-answered", async (HttpContext http, CallAnsweredRequest request, IncomingCalls calls, CancellationToken ct) =>
            {
                await calls.AnsweredAsync(http, request, ct);
                return Results.NoContent();
            })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.ApiKey)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        telephony.MapGet("/calls", ([AsParameters] CallLogListParameters p, CallLogs calls, CancellationToken ct) => calls.ListAsync(p, ct))
            .Produces<PagedResult<CallLogDto>>().RequirePermission(CallCenterPermissions.Calls);
        telephony.MapPost("/calls", async (ClickToCallRequest request, CallLogs calls, CancellationToken ct) =>
            {
                var log = await calls.DialAsync(request, ct);
                return Results.Created($"/api/telephony/calls/{log.Id}", log);
            })
            .Produces<CallLogDto>(StatusCodes.Status201Created).RequirePermission(CallCenterPermissions.Calls);
        telephony.MapPut("/calls/{id:guid}/note", (Guid id, UpdateCallNoteRequest request, CallLogs calls, CancellationToken ct) => calls.UpdateNoteAsync(id, request, ct))
            .Produces<CallLogDto>().RequirePermission(CallCenterPermissions.Calls);

        telephony.MapGet("/keys", (TelephonyApiKeys keys, CancellationToken ct) => keys.ListAsync(ct))
            .Produces<IReadOnlyList<ApiKeyDto>>().RequirePermission(CallCenterPermissions.Settings);
        telephony.MapPost("/keys", async (IssueApiKeyRequest request, TelephonyApiKeys keys, CancellationToken ct) =>
            {
                var issued = await keys.IssueAsync(request, ct);
                return Results.Created($"/api/telephony/keys/{issued.Id}", issued);
            })
            .Produces<IssuedApiKeyDto>(StatusCodes.Status201Created).RequirePermission(CallCenterPermissions.Settings);
        telephony.MapDelete("/keys/{id:guid}", async (Guid id, TelephonyApiKeys keys, CancellationToken ct) =>
            {
                await keys.RevokeAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).RequirePermission(CallCenterPermissions.Settings);

        telephony.MapGet("/extensions", (AgentExtensions extensions, CancellationToken ct) => extensions.ListAsync(ct))
            .Produces<IReadOnlyList<AgentExtensionDto>>().RequirePermission(CallCenterPermissions.Settings);
        telephony.MapPut("/extensions", (SetAgentExtensionRequest request, AgentExtensions extensions, CancellationToken ct) => extensions.SetAsync(request, ct))
            .Produces<AgentExtensionDto>().RequirePermission(CallCenterPermissions.Settings);
        telephony.MapDelete("/extensions/{id:guid}", async (Guid id, AgentExtensions extensions, CancellationToken ct) =>
            {
                await extensions.RemoveAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).RequirePermission(CallCenterPermissions.Settings);
    }
}
