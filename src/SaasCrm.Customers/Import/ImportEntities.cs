using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.Import;

public enum ImportStatus { Uploaded, Queued, Running, Completed, Failed, Reverted }

public enum ImportMode { AllOrNothing, ValidRowsOnly }

/// <summary>
/// One customer import: the uploaded file, its column mapping, and once committed its progress and outcome.
/// Customers and contacts it created carry its id, so it can be reverted.
/// </summary>
public sealed class ImportBatch : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid FileId { get; set; }
    public string FileName { get; set; } = "";
    public FileFormat Format { get; set; }
    /// <summary>Header → target field key, as JSON.</summary>
    public string? Mapping { get; set; }
    public ImportStatus Status { get; set; }
    public ImportMode? Mode { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int ContactsCreated { get; set; }
    public int Skipped { get; set; }
    public int Errors { get; set; }
    /// <summary>The original rows that were not imported, with an error column, in the upload's format.</summary>
    public Guid? ErrorFileId { get; set; }
    /// <summary>Why the commit wrote nothing (all or nothing with errors, edition limit).</summary>
    public string? FailureCode { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? RevertedAt { get; set; }
    public int Reverted { get; set; }
    public int RevertKept { get; set; }
}

/// <summary>A user's last mapping for a header layout, offered again when a file with the same headers comes.</summary>
public sealed class ImportMapping : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    /// <summary>Hash of the normalised header row.</summary>
    public string HeaderKey { get; set; } = "";
    public string Mapping { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
