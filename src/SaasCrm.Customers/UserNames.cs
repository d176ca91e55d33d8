using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

/// <summary>Display names of users for DTOs, in one query per request.</summary>
public sealed class UserNames(PlatformDbContext db)
{
    private readonly Dictionary<Guid, string> _cache = [];

    public async Task<IReadOnlyDictionary<Guid, string>> LoadAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var missing = ids.OfType<Guid>().Distinct().Where(id => !_cache.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var user in await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.UserName }).ToListAsync(ct))
                _cache[user.Id] = string.IsNullOrEmpty(user.Name) ? user.UserName! : user.Name;
        }
        return _cache;
    }

    public string? Of(Guid? id) => id is { } value && _cache.TryGetValue(value, out var name) ? name : null;
}
