using Microsoft.AspNetCore.Http;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Editions;

/// <summary>Enforces the current tenant's edition limits; modules call it before adding a counted record.</summary>
public interface IEditionLimitChecker
{
    /// <param name="resource">One of <see cref="EditionLimits"/>.</param>
    /// <param name="countExisting">Counts the tenant's current records (called only when a limit applies).</param>
    Task EnsureCanAddAsync(string resource, Func<CancellationToken, Task<int>> countExisting, CancellationToken cancellationToken);
}

public sealed class EditionLimitChecker(EditionCache editions) : IEditionLimitChecker
{
    public async Task EnsureCanAddAsync(string resource, Func<CancellationToken, Task<int>> countExisting, CancellationToken cancellationToken)
    {
        var edition = await editions.ForCurrentTenantAsync(cancellationToken);
        if (edition?.Limit(resource) is not { } limit) return;
        if (await countExisting(cancellationToken) >= limit)
        {
            throw new BusinessException("edition.limit_reached",
                $"Edition limit: at most {limit} {resource}. Ask your SaaS operator for a larger edition.", StatusCodes.Status403Forbidden)
            {
                Detail = $"{resource}:{limit}", // machine-readable for a translated message: resource and limit
            };
        }
    }
}
