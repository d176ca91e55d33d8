namespace SaasCrm.Platform.Permissions;

/// <summary>Which owned records a role's members see. Higher values see more; a user gets the widest of their roles.</summary>
public enum DataScope
{
    Self = 1,
    Department = 2,
    DepartmentAndChildren = 3,
    All = 4,
}
