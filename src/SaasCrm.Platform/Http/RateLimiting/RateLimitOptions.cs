namespace SaasCrm.Platform.Http.RateLimiting;

/// <summary>One policy's limit: at most <see cref="PermitLimit"/> requests per partition in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>The "RateLimits" configuration section: a limit per policy name (see <see cref="RateLimitPolicies"/>); unset ones keep the defaults.</summary>
public sealed class RateLimitOptions
{
    public RateLimit SignUp { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };
    public RateLimit Token { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };
    public RateLimit ApiKey { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public RateLimit For(string policy) => policy switch
    {
        RateLimitPolicies.SignUp => SignUp,
        RateLimitPolicies.Token => Token,
        RateLimitPolicies.ApiKey => ApiKey,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    };
}
