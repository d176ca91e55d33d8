using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.Export;

public enum ExportStatus { Queued, Running, Completed, Failed }

/// <summary>A large export running as a job; the file it produces is downloaded through /api/files/{FileId}.</summary>
public sealed class CustomerExport : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public FileFormat Format { get; set; }
    /// <summary>Column keys, as JSON.</summary>
    public string Columns { get; set; } = "[]";
    /// <summary>The <see cref="CustomerExportFilter"/>, as JSON.</summary>
    public string Filter { get; set; } = "{}";
    public string Language { get; set; } = "zh-CN";
    public ExportStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public Guid? FileId { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>
/// Which customers: chosen ids, or the list's filters as its query string ("level=a&amp;tag=vip&amp;cf.region=north"),
/// so an export holds exactly what the list shows. Always within what the caller may see.
/// </summary>
public sealed record CustomerExportFilter(List<Guid>? CustomerIds = null, string? Query = null);

/// <param name="Columns">Column keys from GET /api/customer-exports/columns; empty: the default set.</param>
/// <param name="Language">"zh-CN" or "en-US" for headers and labels; empty: the caller's profile language.</param>
public sealed record CustomerExportRequest(FileFormat Format, List<string>? Columns, CustomerExportFilter? Filter, string? Language);

public sealed record ExportColumnDto(string Key, string LabelEn, string LabelZh);

public sealed record CustomerExportDto(Guid Id, FileFormat Format, ExportStatus Status, int Total, int Processed, Guid? FileId, DateTime CreatedAt, DateTime? CompletedAt)
{
    public static CustomerExportDto From(CustomerExport e) => new(e.Id, e.Format, e.Status, e.Total, e.Processed, e.FileId, e.CreatedAt, e.CompletedAt);
}

public sealed class ExportOptions
{
    /// <summary>Exports of more customers run as a job producing a stored file; smaller ones answer the file at once.</summary>
    public int InlineRowLimit { get; set; } = 2000;
    public int PageSize { get; set; } = 1000;
}
