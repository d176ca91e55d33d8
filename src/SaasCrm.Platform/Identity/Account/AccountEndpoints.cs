using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Identity.Account;

public sealed record LoginRequest(string? Tenant, string UserName, string Password);
public sealed record RefreshRequest(string RefreshToken);
public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Tenant).MaximumLength(64);
    }
}

public sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(512);
}

/// <summary>Sign-in with a tenant name (blank for the host), refresh with rotation, sign-out.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").AllowAnonymous();
        group.MapPost("/login", LoginAsync).Validate<LoginRequest>();
        group.MapPost("/refresh", RefreshAsync).Validate<RefreshRequest>();
        group.MapPost("/logout", LogoutAsync).Validate<RefreshRequest>();
    }

    /// <summary>The tenant named in the body; without one, the tenant the request resolved (X-Tenant, subdomain); else the host.</summary>
    private static async Task<TokenResponse> LoginAsync(LoginRequest request, ITenantStore tenants, ITenantScopeFactory scopes, ICurrentTenant resolved, CancellationToken ct)
    {
        TenantInfo? tenant = null;
        if (!string.IsNullOrWhiteSpace(request.Tenant))
        {
            tenant = tenants.FindByName(request.Tenant)
                ?? throw new BusinessException("tenant.not_found", $"Tenant '{request.Tenant}' was not found.", StatusCodes.Status400BadRequest, "tenant");
        }
        else if (resolved.Id is { } resolvedId)
        {
            tenant = tenants.Find(resolvedId);
        }
        if (tenant is not null) EnsureActive(tenant);
        await using var scope = scopes.Create(tenant?.Id, tenant?.Name);
        var pair = await scope.Services.GetRequiredService<AccountService>().LoginAsync(request.UserName.Trim(), request.Password, ct);
        return new TokenResponse(pair.AccessToken, pair.RefreshToken, pair.ExpiresIn);
    }

    private static async Task<TokenResponse> RefreshAsync(RefreshRequest request, ITenantStore tenants, ITenantScopeFactory scopes, CancellationToken ct)
    {
        var tenant = ResolveTokenTenant(request.RefreshToken, tenants);
        await using var scope = scopes.Create(tenant?.Id, tenant?.Name);
        var pair = await scope.Services.GetRequiredService<AccountService>().RefreshAsync(request.RefreshToken, ct);
        return new TokenResponse(pair.AccessToken, pair.RefreshToken, pair.ExpiresIn);
    }

    private static async Task<IResult> LogoutAsync(RefreshRequest request, ITenantStore tenants, ITenantScopeFactory scopes, CancellationToken ct)
    {
        if (!TokenService.TryReadTenant(request.RefreshToken, out var tenantId)) return Results.NoContent();
        var tenant = tenantId is { } id ? tenants.Find(id) : null;
        if (tenantId is not null && tenant is null) return Results.NoContent();
        await using var scope = scopes.Create(tenant?.Id, tenant?.Name);
        await scope.Services.GetRequiredService<AccountService>().LogoutAsync(request.RefreshToken, ct);
        return Results.NoContent();
    }

    private static TenantInfo? ResolveTokenTenant(string refreshToken, ITenantStore tenants)
    {
        var invalid = new BusinessException("account.invalid_refresh_token", "The session has ended. Please sign in again.", StatusCodes.Status401Unauthorized);
        if (!TokenService.TryReadTenant(refreshToken, out var tenantId)) throw invalid;
        if (tenantId is not { } id) return null;
        var tenant = tenants.Find(id) ?? throw invalid;
        EnsureActive(tenant);
        return tenant;
    }

    private static void EnsureActive(TenantInfo tenant)
    {
        if (!tenant.IsActive)
            throw new BusinessException("tenant.suspended", $"The tenant '{tenant.DisplayName}' is suspended.", StatusCodes.Status403Forbidden)
            {
                Detail = tenant.SuspensionReason,
            };
    }
}
