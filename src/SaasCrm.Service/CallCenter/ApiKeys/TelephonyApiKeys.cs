using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.ApiKeys;

public sealed record IssueApiKeyRequest(string Name);
/// <param name="Key">The full key: shown once, never again.</param>
public sealed record IssuedApiKeyDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, string Key);
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>The tenant admin issues, lists and revokes telephony API keys.</summary>
public sealed class TelephonyApiKeys(PlatformDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock)
{
    public async Task<IssuedApiKeyDto> IssueAsync(IssueApiKeyRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw RequestValidationException.For("name", "callcenter.key_name", "Give the key a name of at most 100 characters.");
        if (tenant.Id is not { } tenantId) throw new BusinessException("callcenter.tenant_only", "Telephony keys belong to a tenant.", 403);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var key = $"{KeyFormat.TenantPart(tenantId)}.{secret}";
        var entity = new TelephonyApiKey
        {
            Name = name, Prefix = secret[..8], KeyHash = KeyFormat.Hash(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Id,
        };
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKeyDto(entity.Id, entity.Name, entity.Prefix, entity.CreatedAt, key);
    }

    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct) =>
        await db.Set<TelephonyApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.Set<TelephonyApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new EntityNotFoundException("TelephonyApiKey", id);
        if (key.RevokedAt is not null) return;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        key.RevokedBy = user.Id;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>"{tenant id without dashes}.{random secret}": the tenant part lets the server open the right tenant (and database) before it looks the hash up.</summary>
internal static class KeyFormat
{
    public static string TenantPart(Guid tenantId) => tenantId.ToString("N");

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool TryReadTenant(string? key, out Guid tenantId)
    {
        tenantId = Guid.Empty;
        if (string.IsNullOrEmpty(key) || key.Length > 200) return false;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 && dot < key.Length - 1 && Guid.TryParseExact(key[..dot], "N", out tenantId);
    }
}
