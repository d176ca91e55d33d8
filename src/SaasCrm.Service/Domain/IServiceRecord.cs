namespace SaasCrm.Service.Domain;

/// <summary>What visibility, handover and merge need of a ticket or complaint.</summary>
public interface IServiceRecord
{
    Guid Id { get; }
    Guid CustomerId { get; set; }
    Guid? DepartmentId { get; set; }
    Guid? AssigneeId { get; set; }
    Guid? CreatedBy { get; set; }
    string ConcurrencyStamp { get; set; }
}
