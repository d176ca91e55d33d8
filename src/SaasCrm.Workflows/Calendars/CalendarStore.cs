using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Workflows.Calendars;

/// <summary>Finds the calendar that applies: the department's own, else the tenant default, else the built-in default.</summary>
public sealed class CalendarStore(PlatformDbContext db)
{
    public async Task<WorkingCalendarRules> RulesForAsync(Guid? departmentId, CancellationToken ct)
    {
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().ToListAsync(ct);
        var calendar = (departmentId is { } d ? calendars.FirstOrDefault(c => c.DepartmentIds.Contains(d)) : null)
                       ?? calendars.FirstOrDefault(c => c.IsDefault);
        return calendar is null ? WorkingCalendarRules.Default() : ToRules(calendar);
    }

    public async Task<WorkingCalendarRules> RulesByIdAsync(Guid calendarId, CancellationToken ct)
    {
        var calendar = await db.Set<BusinessCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, ct);
        return calendar is null ? await RulesForAsync(null, ct) : ToRules(calendar);
    }

    public static WorkingCalendarRules ToRules(BusinessCalendar c) => new(c.TimeZone, c.WeeklyHours, c.Holidays, c.WorkingDays);
}

/// <summary>IBusinessCalendar over the tenant's calendars.</summary>
public sealed class BusinessCalendarService(CalendarStore store) : IBusinessCalendar
{
    public async Task<DateTime> AddWorkingTimeAsync(DateTime startUtc, TimeSpan workingTime, Guid? departmentId = null, CancellationToken cancellationToken = default) =>
        (await store.RulesForAsync(departmentId, cancellationToken)).AddWorkingTime(startUtc, workingTime);

    public async Task<TimeSpan> WorkingTimeBetweenAsync(DateTime fromUtc, DateTime toUtc, Guid? departmentId = null, CancellationToken cancellationToken = default) =>
        (await store.RulesForAsync(departmentId, cancellationToken)).WorkingTimeBetween(fromUtc, toUtc);
}

/// <summary>ITenantTimeZone from the tenant's default calendar, else the built-in default's zone.</summary>
public sealed class TenantTimeZone(PlatformDbContext db) : ITenantTimeZone
{
    public async Task<string> TimeZoneIdAsync(CancellationToken cancellationToken = default) =>
        await db.Set<BusinessCalendar>().AsNoTracking().Where(c => c.IsDefault).Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken)
        ?? "Asia/Shanghai";
}
