using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Records;

/// <summary>
/// Finds customers that look like the one being entered (same normalised name, phone digits or email) across
/// the whole tenant, through the indexed lookup keys. Matches are named with their owner even when the caller
/// may not open them, so two reps do not unknowingly work the same company (C1, C5).
/// </summary>
public sealed class DuplicateFinder(PlatformDbContext db, CustomerAccess access, UserNames users)
{
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(string? name, IEnumerable<string>? phones, IEnumerable<string>? emails, Guid? excludeId, CancellationToken ct)
    {
        var wanted = new List<(CustomerKeyKind Kind, string Value)>();
        if (CustomerNormalizer.Name(name) is { Length: > 0 } n) wanted.Add((CustomerKeyKind.Name, n));
        wanted.AddRange((phones ?? []).Select(CustomerNormalizer.Phone).Where(p => p.Length >= 5).Select(p => (CustomerKeyKind.Phone, p)));
        wanted.AddRange((emails ?? []).Select(CustomerNormalizer.Email).Where(e => e.Length > 0).Select(e => (CustomerKeyKind.Email, e)));
        if (wanted.Count == 0) return [];

        var values = wanted.Select(w => w.Value).Distinct().ToList();
        // Kind and value both as equalities, so the (tenant, kind, value) index is sought per pair: "kind is not a tag"
        // was a range on its first column and read every key of the tenant (1 s at 1,000,000 customers).
        var kinds = wanted.Select(w => w.Kind).Distinct().ToList();
        var hits = (await db.Set<CustomerKey>().AsNoTracking()
                .Where(k => kinds.Contains(k.Kind) && values.Contains(k.Value) && k.CustomerId != excludeId)
                .Select(k => new { k.CustomerId, k.Kind, k.Value })
                .Take(200)
                .ToListAsync(ct))
            .Where(h => wanted.Contains((h.Kind, h.Value)))
            .ToList();
        if (hits.Count == 0) return [];

        var ids = hits.Select(h => h.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CustomerStatus.Active)
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.PoolId })
            .ToListAsync(ct);
        var openable = (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), ct)).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToHashSet();
        await users.LoadAsync(customers.Select(c => c.OwnerId), ct);
        return customers
            .Select(c => new DuplicateMatch(c.Id, c.Name, c.OwnerId, users.Of(c.OwnerId), c.PoolId != null,
                hits.Where(h => h.CustomerId == c.Id).Select(h => h.Kind.ToString().ToLowerInvariant()).Distinct().ToList(),
                openable.Contains(c.Id)))
            .OrderByDescending(m => m.MatchedOn.Count)
            .ToList();
    }
}
