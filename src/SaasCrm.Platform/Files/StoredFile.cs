using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Files;

/// <summary>
/// A file kept for a tenant (an upload or a generated export). The bytes live under the data folder at
/// <see cref="StorageName"/>, a generated name: the user's file name never reaches a path.
/// </summary>
public sealed class StoredFile : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    /// <summary>Relative path under the tenant's folder, generated ("2026/11/0193….bin").</summary>
    public string StorageName { get; set; } = "";
    /// <summary>The name the user gave (or the generated download name); shown and offered on download only.</summary>
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public FileFormat Format { get; set; }
    public long Size { get; set; }
    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>Registered <see cref="FilePurpose"/> name; decides who else may download it.</summary>
    public string Purpose { get; set; } = "";
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
