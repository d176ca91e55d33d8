using Microsoft.EntityFrameworkCore;

namespace SaasCrm.Platform.Http;

/// <summary>A page of a list. Counts stop at <see cref="CountLimit"/> (shown as "10,000+") so a count never scans a huge table.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

public static class Paging
{
    public const int CountLimit = 10_000;
    public const int MaxPageSize = 200;

    public static int Size(int? pageSize) => Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
    public static int Number(int? page) => Math.Max(page ?? 1, 1);

    /// <summary>Offset paging for bounded lists (users, roles, tenants); deep lists use keyset paging.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Size(pageSize);
        var number = Number(page);
        var counted = await query.Take(CountLimit + 1).CountAsync(cancellationToken);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, Math.Min(counted, CountLimit), counted > CountLimit, number, size);
    }
}

/// <summary>Sort requests look like "name" or "-createdAt"; unknown fields are refused with a 400.</summary>
public static class Sorting
{
    public static IQueryable<T> OrderBy<T>(this IQueryable<T> query, string? sort, string defaultSort,
        IReadOnlyDictionary<string, System.Linq.Expressions.Expression<Func<T, object?>>> fields)
    {
        var spec = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort.Trim();
        var descending = spec.StartsWith('-');
        var name = spec.TrimStart('-', '+');
        var key = fields.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                  ?? throw RequestValidationException.For("sort", "sort.unknown_field", $"Cannot sort by '{name}'. Allowed: {string.Join(", ", fields.Keys)}.");
        return descending ? query.OrderByDescending(fields[key]) : query.OrderBy(fields[key]);
    }
}
