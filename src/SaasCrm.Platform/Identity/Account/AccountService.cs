using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Identity.Account;

/// <summary>Sign-in, token refresh and sign-out; always runs inside the tenant being signed into.</summary>
public sealed class AccountService(
    PlatformDbContext db,
    UserManager<AppUser> users,
    TokenService tokens,
    SecurityLogWriter securityLog,
    ICurrentTenant currentTenant,
    IOptions<LockoutPolicy> lockout,
    TimeProvider clock)
{
    private static readonly BusinessException InvalidCredentials =
        new("account.invalid_credentials", "The user name or password is incorrect.", StatusCodes.Status401Unauthorized);

    public async Task<TokenPair> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await securityLog.WriteAsync(SecurityActions.LoginFailed, null, userName, "unknown user", cancellationToken);
            throw InvalidCredentials;
        }
        if (user.LockoutEnd is { } end && end > now)
        {
            await securityLog.WriteAsync(SecurityActions.LoginFailed, user.Id, user.UserName, "locked out", cancellationToken);
            throw new BusinessException("account.locked_out", "The account is locked after too many failed sign-ins. Try again later or ask an administrator.", StatusCodes.Status423Locked);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            user.AccessFailedCount++;
            var locked = user.AccessFailedCount >= lockout.Value.MaxFailedAttempts;
            if (locked)
            {
                user.LockoutEnd = now + lockout.Value.Duration;
                user.AccessFailedCount = 0;
            }
            await db.SaveChangesAsync(cancellationToken);
            await securityLog.WriteAsync(locked ? SecurityActions.LockedOut : SecurityActions.LoginFailed, user.Id, user.UserName, "wrong password", cancellationToken);
            throw InvalidCredentials;
        }
        if (!user.IsActive)
        {
            await securityLog.WriteAsync(SecurityActions.LoginFailed, user.Id, user.UserName, "disabled", cancellationToken);
            throw new BusinessException("account.disabled", "This account is disabled.", StatusCodes.Status403Forbidden);
        }

        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        await securityLog.WriteAsync(SecurityActions.LoginSucceeded, user.Id, user.UserName, null, cancellationToken);
        return await tokens.IssueAsync(user, currentTenant.Name, cancellationToken: cancellationToken);
    }

    public async Task<TokenPair> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenService.Hash(refreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken) ?? throw InvalidRefreshToken();
        if (token.UsedAt is not null || token.RevokedAt is not null)
        {
            if (token.RevokedReason != "revoked")
            {
                // A rotated token came back: someone holds a copy. End the whole family.
                await RevokeFamilyAsync(token.FamilyId, "reuse", cancellationToken);
                await securityLog.WriteAsync(SecurityActions.TokenReuseDetected, token.UserId, null, null, cancellationToken);
            }
            throw InvalidRefreshToken();
        }
        if (token.ExpiresAt <= now) throw InvalidRefreshToken();

        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || !user.IsActive || user.LockoutEnd > clock.GetUtcNow()) throw InvalidRefreshToken();

        token.UsedAt = now;
        token.RevokedAt = now;
        token.RevokedReason = "rotated";
        return await tokens.IssueAsync(user, currentTenant.Name, token.FamilyId, cancellationToken);
    }

    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = TokenService.Hash(refreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null) return;
        await RevokeFamilyAsync(token.FamilyId, "revoked", cancellationToken);
        await securityLog.WriteAsync(SecurityActions.Logout, token.UserId, null, null, cancellationToken);
    }

    private async Task RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            t.RevokedAt = now;
            t.RevokedReason = reason;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static BusinessException InvalidRefreshToken() =>
        new("account.invalid_refresh_token", "The session has ended. Please sign in again.", StatusCodes.Status401Unauthorized);
}
