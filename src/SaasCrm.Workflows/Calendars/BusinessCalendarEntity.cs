using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Calendars;

/// <summary>
/// A tenant's working hours: IANA time zone, weekly intervals per day, holidays and make-up working days.
/// One calendar is the tenant default; departments may use another.
/// </summary>
public sealed class BusinessCalendar : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public bool IsDefault { get; set; }
    /// <summary>Day ("Monday") → intervals ("09:00-12:00").</summary>
    public Dictionary<string, List<string>> WeeklyHours { get; set; } = [];
    /// <summary>ISO dates off work.</summary>
    public List<string> Holidays { get; set; } = [];
    /// <summary>ISO dates worked although their weekday is off (make-up days); they use Monday's hours.</summary>
    public List<string> WorkingDays { get; set; } = [];
    public List<Guid> DepartmentIds { get; set; } = [];
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
