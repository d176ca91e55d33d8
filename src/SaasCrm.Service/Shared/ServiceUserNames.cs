using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Service.Shared;

/// <summary>Display names of users and departments for DTOs, loaded once per request.</summary>
public sealed class ServiceNames(PlatformDbContext db)
{
    private readonly Dictionary<Guid, string> _users = [];
    private readonly Dictionary<Guid, string> _departments = [];

    public async Task LoadAsync(IEnumerable<Guid?> userIds, IEnumerable<Guid?> departmentIds, CancellationToken ct)
    {
        var users = userIds.OfType<Guid>().Distinct().Where(id => !_users.ContainsKey(id)).ToList();
        if (users.Count > 0)
            foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.UserName }).ToListAsync(ct))
                _users[u.Id] = string.IsNullOrEmpty(u.Name) ? u.UserName! : u.Name;
        var departments = departmentIds.OfType<Guid>().Distinct().Where(id => !_departments.ContainsKey(id)).ToList();
        if (departments.Count > 0)
            foreach (var d in await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
                _departments[d.Id] = d.Name;
    }

    public string? User(Guid? id) => id is { } v ? _users.GetValueOrDefault(v) : null;
    public string? Department(Guid? id) => id is { } v ? _departments.GetValueOrDefault(v) : null;
}
