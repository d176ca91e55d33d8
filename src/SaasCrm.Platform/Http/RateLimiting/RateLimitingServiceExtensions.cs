using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Http.RateLimiting;

/// <summary>
/// Registers ASP.NET Core's rate limiter with the platform's named policies (fixed windows, partitioned by client IP and
/// the resolved tenant, plus the API key for <see cref="RateLimitPolicies.ApiKey"/>). The host runs the middleware after
/// tenant resolution; a rejected request gets 429 ProblemDetails (code <c>rate_limited</c>) and a Retry-After header.
/// </summary>
public static class RateLimitingServiceExtensions
{
    public const string RateLimitedCode = "rate_limited";

    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection("RateLimits"));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            foreach (var policy in RateLimitPolicies.All)
            {
                o.AddPolicy(policy, context => Partition(policy, context));
            }
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(string policy, HttpContext context)
    {
        // Read per partition, so a changed configuration applies to partitions created after it.
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.For(policy);
        return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(policy, context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The client's address as the server sees it (the host does not trust forwarded headers), the resolved tenant, and for API-key callers a hash of the key.</summary>
    internal static string PartitionKey(string policy, HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "-";
        var tenant = context.RequestServices.GetRequiredService<ICurrentTenant>().Id?.ToString("N") ?? "-";
        var key = $"{policy}|{ip}|{tenant}";
        if (policy == RateLimitPolicies.ApiKey && context.Request.Headers[RateLimitPolicies.ApiKeyHeader].ToString() is { Length: > 0 } apiKey)
        {
            // The key itself is a secret: the limiter keeps only a short hash of it.
            key += "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)), 0, 12);
        }
        return key;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        int? seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : null;
        if (seconds is { } s) http.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemResults.Create(StatusCodes.Status429TooManyRequests, RateLimitedCode, "Too many requests. Try again later.",
            seconds is { } wait ? $"Try again in {wait} seconds." : null);
        problem.Extensions["retryAfterSeconds"] = seconds;
        await ProblemResults.WriteAsync(http, problem);
    }
}
