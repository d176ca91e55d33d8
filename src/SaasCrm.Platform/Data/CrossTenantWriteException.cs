namespace SaasCrm.Platform.Data;

/// <summary>A write touched a row of another tenant, or tried to change a TenantId: a bug or an attack, never allowed.</summary>
public sealed class CrossTenantWriteException(string entityType) : Exception($"Write to a {entityType} of another tenant was refused.")
{
    public string EntityType { get; } = entityType;
}
