using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Departments;

/// <summary>
/// A node of the tenant's org tree. <see cref="Code"/> is the materialised path ("00001.00003"), so a
/// subtree is one prefix match — the data scope "department and children" relies on it.
/// </summary>
public sealed class Department : AuditedEntity
{
    public const int CodeUnitLength = 5;

    public Guid? ParentId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? HeadUserId { get; set; }
}

/// <summary>Membership of a user in a department (a user may belong to several).</summary>
public sealed class UserDepartment : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public Guid DepartmentId { get; set; }
}
