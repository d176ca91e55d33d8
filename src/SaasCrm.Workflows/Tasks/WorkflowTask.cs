using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Tasks;

public enum WorkflowTaskStatus { Open, Completed, Cancelled }

/// <summary>A to-do a CreateTask step gave a user; completing it raises TaskCompleted on the record.</summary>
public sealed class WorkflowTask : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    public Guid InstanceId { get; set; }
    public string StepId { get; set; } = "";
    public string? RecordType { get; set; }
    public Guid? RecordId { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public Guid AssigneeId { get; set; }
    public DateTime? DueAt { get; set; }
    public WorkflowTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
