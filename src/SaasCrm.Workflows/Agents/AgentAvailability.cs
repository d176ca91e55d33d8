using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Calendars;

namespace SaasCrm.Workflows.Agents;

/// <summary>
/// Active users who are not marked absent (or whose absence has ended) and, when their profile names a calendar,
/// are inside its working hours now. Users without a profile are available.
/// </summary>
public sealed class AgentAvailability(PlatformDbContext db, CalendarStore calendars, TimeProvider clock) : IAgentAvailability
{
    public async Task<IReadOnlySet<Guid>> AvailableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var active = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        var profiles = await db.Set<AgentProfile>().AsNoTracking().Where(a => ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var available = new HashSet<Guid>();
        foreach (var id in active)
        {
            if (profiles.TryGetValue(id, out var p))
            {
                if (p.IsAbsent || p.AbsentUntil > now) continue;
                if (p.CalendarId is { } calendarId && !(await calendars.RulesByIdAsync(calendarId, cancellationToken)).IsWorking(now)) continue;
            }
            available.Add(id);
        }
        return available;
    }
}
