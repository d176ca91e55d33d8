using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Identity;

public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>Issues access tokens (JWT) and refresh tokens (random, stored hashed, rotated in families).</summary>
public sealed class TokenService(PlatformDbContext db, SigningKeyProvider keys, IOptions<JwtTokenOptions> options, TimeProvider clock)
{
    public async Task<TokenPair> IssueAsync(AppUser user, string? tenantName, Guid? familyId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.UserId] = user.Id.ToString(),
            [PlatformClaims.UserName] = user.UserName ?? "",
            [PlatformClaims.SecurityStamp] = user.SecurityStamp ?? "",
        };
        if (user.Kind != UserKind.Staff) claims[PlatformClaims.UserKind] = user.Kind.ToString().ToLowerInvariant();
        if (user.TenantId is { } tenantId)
        {
            claims[PlatformClaims.TenantId] = tenantId.ToString();
            claims[PlatformClaims.TenantName] = tenantName ?? "";
        }
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });

        // The prefix names the tenant, so a refresh finds the right database before the token is looked up.
        var refresh = $"{TenantPrefix(user.TenantId)}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=')}";
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id,
            TokenHash = Hash(refresh),
            FamilyId = familyId ?? Guid.CreateVersion7(),
            CreatedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new TokenPair(access, refresh, (int)settings.AccessTokenLifetime.TotalSeconds);
    }

    /// <summary>Ends every session of a user (or, with null, of the whole current tenant): on lock, disable, password change and tenant suspension.</summary>
    /// <remarks>Adds the revocations to the unit of work; the caller saves them with the change that caused them.</remarks>
    public static async Task RevokeAllAsync(PlatformDbContext db, TimeProvider clock, Guid? userId, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.RefreshTokens.Where(t => (userId == null || t.UserId == userId) && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            token.RevokedReason = reason;
        }
    }

    public static string TenantPrefix(Guid? tenantId) => tenantId?.ToString("N") ?? "host";

    /// <summary>The tenant a refresh token was issued in; false when the token is malformed.</summary>
    public static bool TryReadTenant(string refreshToken, out Guid? tenantId)
    {
        tenantId = null;
        var dot = refreshToken.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return false;
        var prefix = refreshToken[..dot];
        if (prefix == "host") return true;
        if (!Guid.TryParseExact(prefix, "N", out var id)) return false;
        tenantId = id;
        return true;
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The HMAC signing key: from configuration, else generated once and kept in the data folder.</summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<JwtTokenOptions> options, IOptions<DataFolderOptions> dataFolder)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(dataFolder.Value.Path, "signing.key");
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(dataFolder.Value.Path);
                File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            }
            configured = File.ReadAllText(path).Trim();
        }
        if (configured.Length < 32) throw new InvalidOperationException("Token:SigningKey must be at least 32 characters.");
        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
    }

    public SymmetricSecurityKey Key { get; }
}
