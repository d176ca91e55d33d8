using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Agents;

/// <summary>An agent's availability for assignment: absence, skills and the calendar of their working hours.</summary>
public sealed class AgentProfile : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public bool IsAbsent { get; set; }
    public DateTime? AbsentUntil { get; set; }
    public List<string> Skills { get; set; } = [];
    /// <summary>When set, the agent only takes work inside this calendar's working hours.</summary>
    public Guid? CalendarId { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
