using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.Import;

public sealed record ImportFieldDto(string Key, string LabelEn, string LabelZh, bool Required);

public sealed record ImportUploadDto(
    Guid Id, string FileName, FileFormat Format, int TotalRows, IReadOnlyList<string> Headers, IReadOnlyList<string?[]> SampleRows,
    IReadOnlyDictionary<string, string?> Mapping, bool MappingReused, IReadOnlyList<ImportFieldDto> Fields);

/// <summary>Header → field key (null or missing: not imported).</summary>
public sealed record ImportMappingRequest(Dictionary<string, string?> Mapping);

public sealed record ImportCommitRequest(ImportMode Mode, Dictionary<string, string?>? Mapping);

public sealed record RowReportDto(int Row, string? Name, RowStatus Status, IReadOnlyList<RowError> Errors,
    Guid? DuplicateOfCustomerId, string? DuplicateOfName, int? DuplicateOfRow);

/// <param name="Rows">Rows with errors or duplicates, in file order (at most 1,000; <paramref name="Truncated"/> says when more).</param>
public sealed record DryRunReportDto(int Total, int Valid, int Errors, int Duplicates, int Customers, int Contacts,
    IReadOnlyList<RowReportDto> Rows, bool Truncated);

public sealed record ImportBatchDto(
    Guid Id, string FileName, FileFormat Format, ImportStatus Status, ImportMode? Mode, int Total, int Processed, int Created,
    int ContactsCreated, int Skipped, int Errors, Guid? ErrorFileId, string? FailureCode, DateTime CreatedAt, DateTime? CompletedAt,
    DateTime? RevertedAt, int Reverted, int RevertKept)
{
    public static ImportBatchDto From(ImportBatch b) => new(b.Id, b.FileName, b.Format, b.Status, b.Mode, b.Total, b.Processed, b.Created,
        b.ContactsCreated, b.Skipped, b.Errors, b.ErrorFileId, b.FailureCode, b.CreatedAt, b.CompletedAt, b.RevertedAt, b.Reverted, b.RevertKept);
}

public sealed record KeptCustomerDto(Guid CustomerId, string Name, IReadOnlyList<string> Reasons);

public sealed record RevertReportDto(int Deleted, int ContactsDeleted, IReadOnlyList<KeptCustomerDto> Kept);

public sealed class ImportOptions
{
    /// <summary>Commits of more rows run as a background job; smaller ones answer at once.</summary>
    public int InlineRowLimit { get; set; } = 1000;
    /// <summary>Customers written per transaction.</summary>
    public int BatchSize { get; set; } = 1000;
    public int MaxRows { get; set; } = 100_000;
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
