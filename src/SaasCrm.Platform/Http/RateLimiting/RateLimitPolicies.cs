namespace SaasCrm.Platform.Http.RateLimiting;

/// <summary>
/// The named rate-limit policies the platform registers for endpoints anyone can call without signing in. Endpoints opt in
/// with <c>.RequireRateLimiting(RateLimitPolicies.X)</c>; limits come from the "RateLimits" configuration section.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Self-service sign-up: creates accounts and sends mail, so it is the strictest (per client IP and tenant).</summary>
    public const string SignUp = "sign-up";

    /// <summary>Redeeming a one-time token (invitation accept): guessing tokens is what it stops (per client IP and tenant).</summary>
    public const string Token = "token";

    /// <summary>Machine callers authenticated by an API key in X-Api-Key, e.g. telephony webhooks (per API key, client IP and tenant).</summary>
    public const string ApiKey = "api-key";

    /// <summary>The header an API-key caller sends its key in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static readonly IReadOnlyList<string> All = [SignUp, Token, ApiKey];
}
