using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.MultiTenancy;

public sealed class MultiTenancyOptions
{
    public const string HeaderName = "X-Tenant";
    /// <summary>Root domain for subdomain resolution: with "crm.example.com", "acme.crm.example.com" is tenant acme.</summary>
    public string? RootDomain { get; set; }
}

/// <summary>
/// Resolves the tenant of a request: the signed-in user's claim first (a header or subdomain never overrides
/// it), else the X-Tenant header (name or id), else the subdomain. A suspended tenant gets 403.
/// </summary>
public sealed class MultiTenancyMiddleware(RequestDelegate next, IOptions<MultiTenancyOptions> options)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ITenantStore store, ICurrentUser currentUser)
    {
        TenantInfo? tenant;
        if (currentUser.IsAuthenticated)
        {
            tenant = currentUser.TenantId is { } claimed ? store.Find(claimed) : null;
            if (currentUser.TenantId is not null && tenant is null)
            {
                await ProblemResults.WriteAsync(context, StatusCodes.Status401Unauthorized, "tenant.not_found", "Your tenant no longer exists.");
                return;
            }
        }
        else
        {
            var requested = RequestedTenant(context);
            tenant = requested is null ? null : Guid.TryParse(requested, out var id) ? store.Find(id) : store.FindByName(requested);
            if (requested is not null && tenant is null)
            {
                await ProblemResults.WriteAsync(context, StatusCodes.Status404NotFound, "tenant.not_found", $"Tenant '{requested}' was not found.");
                return;
            }
        }

        if (tenant is { IsActive: false })
        {
            await ProblemResults.WriteAsync(context, StatusCodes.Status403Forbidden, "tenant.suspended",
                $"The tenant '{tenant.DisplayName}' is suspended.", tenant.SuspensionReason);
            return;
        }

        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            await next(context);
        }
    }

    private string? RequestedTenant(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(MultiTenancyOptions.HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }
        var root = options.Value.RootDomain;
        var host = context.Request.Host.Host;
        if (!string.IsNullOrEmpty(root) && host.EndsWith("." + root, StringComparison.OrdinalIgnoreCase))
        {
            var sub = host[..^(root.Length + 1)];
            if (sub.Length > 0 && !sub.Contains('.')) return sub;
        }
        return null;
    }
}
