using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using System.Security.Claims;

namespace SaasCrm.Platform.Security;

/// <summary>
/// Checks on every request that the token's user still exists, is active, not locked, and has the same
/// security stamp (a password change or admin reset rotates it), so disabling a user ends their sessions
/// (ASVS 7.4.2). Results are cached for a few seconds; changes on this node invalidate at once.
/// </summary>
public sealed class SessionValidator(IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, IServiceProvider requestServices)
    {
        if (!Guid.TryParse(principal.FindFirst(PlatformClaims.UserId)?.Value, out var userId)) return false;
        var stamp = principal.FindFirst(PlatformClaims.SecurityStamp)?.Value;
        Guid? tenantId = Guid.TryParse(principal.FindFirst(PlatformClaims.TenantId)?.Value, out var t) ? t : null;

        var state = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Ttl;
            var currentTenant = requestServices.GetRequiredService<ICurrentTenant>();
            using var _ = currentTenant.Change(tenantId);
            var db = requestServices.GetRequiredService<PlatformDbContext>();
            return await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new UserState(u.IsActive, u.LockoutEnd, u.SecurityStamp))
                .FirstOrDefaultAsync();
        });
        return state is not null && state.IsActive && state.SecurityStamp == stamp
               && (state.LockoutEnd is null || state.LockoutEnd <= clock.GetUtcNow());
    }

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));

    private static (string, Guid) Key(Guid userId) => ("session", userId);

    private sealed record UserState(bool IsActive, DateTimeOffset? LockoutEnd, string? SecurityStamp);
}
