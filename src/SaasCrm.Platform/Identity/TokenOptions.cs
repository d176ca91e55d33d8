namespace SaasCrm.Platform.Identity;

public sealed class JwtTokenOptions
{
    public string Issuer { get; set; } = "SaasCrm";
    public string Audience { get; set; } = "SaasCrm";
    /// <summary>HMAC key (at least 32 characters). When empty a random key is made and kept in the data folder.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}

public sealed class LockoutPolicy
{
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
