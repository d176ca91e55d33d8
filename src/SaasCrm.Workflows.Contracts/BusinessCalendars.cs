namespace SaasCrm.Workflows;

/// <summary>
/// The tenant's business hours (time zone, weekly hours, holidays; a department may use its own calendar).
/// Deadlines count working time only. All instants are UTC.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>The instant reached after <paramref name="workingTime"/> of working time from <paramref name="startUtc"/>.</summary>
    Task<DateTime> AddWorkingTimeAsync(DateTime startUtc, TimeSpan workingTime, Guid? departmentId = null, CancellationToken cancellationToken = default);

    /// <summary>Working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    Task<TimeSpan> WorkingTimeBetweenAsync(DateTime fromUtc, DateTime toUtc, Guid? departmentId = null, CancellationToken cancellationToken = default);
}

/// <summary>Whether agents can take work now (working hours of their calendar, not marked absent).</summary>
public interface IAgentAvailability
{
    Task<IReadOnlySet<Guid>> AvailableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);
}

/// <summary>The tenant's time zone: that of its default business calendar (reports count days and months in it).</summary>
public interface ITenantTimeZone
{
    /// <summary>An IANA zone id, e.g. "Asia/Shanghai".</summary>
    Task<string> TimeZoneIdAsync(CancellationToken cancellationToken = default);
}
