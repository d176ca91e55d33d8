using System.Security.Cryptography;

namespace SaasCrm.Service.Portal.Accounts;

/// <summary>
/// Invitation tokens: "{tenant id}.{32 random bytes}" so an anonymous accept finds its tenant; only the SHA-256 is
/// stored, so a database copy cannot accept invitations.
/// </summary>
internal static class PortalInvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string New(Guid tenantId) => $"{tenantId:N}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public static bool TryReadTenant(string token, out Guid tenantId)
    {
        tenantId = Guid.Empty;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Guid.TryParseExact(token[..dot], "N", out tenantId);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
