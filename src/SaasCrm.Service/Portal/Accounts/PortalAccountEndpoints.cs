using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Http.RateLimiting;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Accounts;

internal static class PortalAccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/portal-admin").WithTags("Portal administration");
        admin.MapGet("/accounts", (PortalAccountStatus? status, Guid? customerId, PortalAccountAdminService s, CancellationToken ct) => s.ListAsync(status, customerId, ct))
            .Produces<IReadOnlyList<PortalAccountDto>>().RequirePermission(PortalPermissions.Accounts);
        admin.MapPost("/accounts/invitations", async (InvitePortalAccountRequest r, PortalAccountAdminService s, CancellationToken ct) =>
                Results.Ok(await s.InviteAsync(r, ct)))
            .Validate<InvitePortalAccountRequest>().Produces<PortalInvitationDto>().RequirePermission(PortalPermissions.Accounts);
        admin.MapPost("/accounts/{id:guid}/approve", (Guid id, ApprovePortalAccountRequest r, PortalAccountAdminService s, CancellationToken ct) => s.ApproveAsync(id, r, ct))
            .Produces<PortalAccountDto>().RequirePermission(PortalPermissions.Accounts);
        admin.MapPost("/accounts/{id:guid}/disable", (Guid id, PortalAccountAdminService s, CancellationToken ct) => s.SetEnabledAsync(id, false, ct))
            .Produces<PortalAccountDto>().RequirePermission(PortalPermissions.Accounts);
        admin.MapPost("/accounts/{id:guid}/enable", (Guid id, PortalAccountAdminService s, CancellationToken ct) => s.SetEnabledAsync(id, true, ct))
            .Produces<PortalAccountDto>().RequirePermission(PortalPermissions.Accounts);
        admin.MapGet("/settings", (PortalAccountAdminService s, CancellationToken ct) => s.GetSettingsAsync(ct))
            .Produces<PortalSettingsDto>().RequirePermission(PortalPermissions.Accounts);
        admin.MapPut("/settings", (UpdatePortalSettingsRequest r, PortalAccountAdminService s, CancellationToken ct) => s.UpdateSettingsAsync(r, ct))
            .Produces<PortalSettingsDto>().RequirePermission(PortalPermissions.Settings);

        // Anonymous by nature: the invitee has no password yet; sign-up is for people without an account.
        var open = api.MapGroup("/portal").WithTags("Portal sign-up").AllowAnonymous();
        // Rate limited per client IP and tenant: guessing invitation tokens and mass sign-ups are what an attacker would try.
        open.MapPost("/invitations/accept", AcceptAsync).Validate<AcceptInvitationRequest>().Produces<AcceptInvitationResponse>()
            .RequireRateLimiting(RateLimitPolicies.Token).ProducesProblem(StatusCodes.Status429TooManyRequests);
        open.MapPost("/sign-up", SignUpAsync).Validate<PortalSignUpRequest>().Produces<PortalSignUpResponse>(StatusCodes.Status202Accepted)
            .RequireRateLimiting(RateLimitPolicies.SignUp).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<AcceptInvitationResponse> AcceptAsync(AcceptInvitationRequest r, ITenantStore tenants, ITenantScopeFactory scopes, CancellationToken ct)
    {
        if (!PortalInvitationTokens.TryReadTenant(r.Token, out var tenantId) || tenants.Find(tenantId) is not { IsActive: true } tenant)
            throw PortalOnboardingService.InvalidInvitation();
        await using var scope = scopes.Create(tenant.Id, tenant.Name);
        return await scope.Services.GetRequiredService<PortalOnboardingService>().AcceptAsync(r, ct);
    }

    private static async Task<IResult> SignUpAsync(PortalSignUpRequest r, ITenantStore tenants, ITenantScopeFactory scopes, CancellationToken ct)
    {
        var tenant = tenants.FindByName(r.Tenant.Trim()) is { IsActive: true } t ? t
            : throw new BusinessException("tenant.not_found", $"Tenant '{r.Tenant}' was not found.", StatusCodes.Status400BadRequest, "tenant");
        await using var scope = scopes.Create(tenant.Id, tenant.Name);
        return Results.Accepted(value: await scope.Services.GetRequiredService<PortalOnboardingService>().SignUpAsync(r, ct));
    }
}
