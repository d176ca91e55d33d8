using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Import;

/// <summary>Upload → mapping → dry run → commit of a customer import. Each user sees the imports they started.</summary>
public sealed class ImportService(
    PlatformDbContext db,
    IFileStore files,
    ImportValidator validator,
    ImportRunner runner,
    IBackgroundJobManager jobs,
    ICurrentUser user,
    TimeProvider clock,
    IOptions<ImportOptions> options)
{
    public const string UploadPurpose = "customer-import";
    public const string ErrorFilePurpose = "customer-import-errors";
    private const int SampleRows = 5;
    private const int ReportRows = 1000;

    public async Task<IReadOnlyList<ImportFieldDto>> FieldsAsync(CancellationToken ct) =>
        ImportFields.All(await validator.CustomFieldsAsync(ct)).Select(f => new ImportFieldDto(f.Key, f.LabelEn, f.LabelZh, f.Required)).ToList();

    public async Task<ImportUploadDto> UploadAsync(string? fileName, Stream content, CancellationToken ct)
    {
        var file = await files.SaveUploadAsync(UploadPurpose, fileName, content, ct);
        var sheet = ReadSheet(file.Format, await files.ReadAllBytesAsync(file, ct));
        if (sheet.Rows.Count == 0) throw RequestValidationException.For("file", "import.no_rows", "The file has no data rows under its header row.");
        if (sheet.Rows.Count > options.Value.MaxRows)
            throw RequestValidationException.For("file", "import.too_many_rows", $"At most {options.Value.MaxRows} rows can be imported at once.");

        var customFields = await validator.CustomFieldsAsync(ct);
        var fields = ImportFields.All(customFields);
        var headerKey = HeaderKey(sheet.Headers);
        var me = user.Id ?? Guid.Empty;
        var saved = await db.Set<ImportMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == me && m.HeaderKey == headerKey, ct);
        var mapping = saved is null ? null : Usable(JsonSerializer.Deserialize<Dictionary<string, string?>>(saved.Mapping)!, sheet, fields);
        var batch = new ImportBatch
        {
            FileId = file.Id, FileName = file.OriginalName, Format = file.Format, Status = ImportStatus.Uploaded, Total = sheet.Rows.Count,
            CreatedBy = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        mapping ??= ImportFields.Guess(sheet.Headers, fields);
        batch.Mapping = JsonSerializer.Serialize(mapping);
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        return new ImportUploadDto(batch.Id, batch.FileName, batch.Format, batch.Total, sheet.Headers, sheet.Rows.Take(SampleRows).ToList(), mapping,
            saved is not null, fields.Select(f => new ImportFieldDto(f.Key, f.LabelEn, f.LabelZh, f.Required)).ToList());
    }

    public async Task<DryRunReportDto> DryRunAsync(Guid id, ImportMappingRequest request, CancellationToken ct)
    {
        var batch = await MineAsync(id, tracking: true, ct);
        var sheet = ReadSheet(batch.Format, await files.ReadAllBytesAsync(await files.GetAsync(batch.FileId, ct), ct));
        var plan = await validator.ValidateAsync(sheet, request.Mapping, null, ct);
        await RememberMappingAsync(batch, sheet, request.Mapping, ct);
        await db.SaveChangesAsync(ct);
        var problems = plan.Rows.Where(r => r.Status != RowStatus.Valid).ToList();
        return new DryRunReportDto(plan.Rows.Count, plan.ValidRows, plan.ErrorRows, plan.DuplicateRows, plan.Groups.Count, plan.Groups.Sum(g => g.Contacts.Count()),
            problems.Take(ReportRows).Select(r => new RowReportDto(r.Number, r.Customer.Name, r.Status, r.Errors, r.DuplicateOfCustomerId, r.DuplicateOfName, r.DuplicateOfRow)).ToList(),
            problems.Count > ReportRows);
    }

    /// <summary>Small files are written now (200); larger ones are queued as a job (202) the UI polls through <see cref="GetAsync"/>.</summary>
    public async Task<(ImportBatchDto Batch, bool Queued)> CommitAsync(Guid id, ImportCommitRequest request, CancellationToken ct)
    {
        var batch = await MineAsync(id, tracking: true, ct);
        if (batch.Status != ImportStatus.Uploaded)
            throw new BusinessException("import.already_committed", "This import was already committed.", 409);
        if (request.Mapping is not null)
        {
            var sheet = ReadSheet(batch.Format, await files.ReadAllBytesAsync(await files.GetAsync(batch.FileId, ct), ct));
            ImportValidator.ResolveMapping(sheet, request.Mapping, ImportFields.All(await validator.CustomFieldsAsync(ct)));
            await RememberMappingAsync(batch, sheet, request.Mapping, ct);
        }
        batch.Mode = request.Mode;
        batch.Status = ImportStatus.Queued;
        var queued = batch.Total > options.Value.InlineRowLimit;
        if (queued) await jobs.EnqueueAsync(new ImportJobArgs(batch.Id), idempotencyKey: $"customer-import:{batch.Id}", cancellationToken: ct);
        // The status change is the claim: a second commit of the same import gets a concurrency failure, not a second run.
        db.Entry(batch).Property(b => b.Status).OriginalValue = ImportStatus.Uploaded;
        await db.SaveChangesAsync(ct);
        if (!queued) await runner.RunAsync(batch.Id, ct);
        return (await GetAsync(id, ct), queued);
    }

    public async Task<ImportBatchDto> GetAsync(Guid id, CancellationToken ct) => ImportBatchDto.From(await MineAsync(id, tracking: false, ct));

    public async Task<PagedResult<ImportBatchDto>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var me = user.Id;
        var paged = await db.Set<ImportBatch>().AsNoTracking().Where(b => b.CreatedBy == me)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToPageAsync(page, pageSize, ct);
        return new PagedResult<ImportBatchDto>(paged.Items.Select(ImportBatchDto.From).ToList(), paged.Total, paged.TotalIsLowerBound, paged.Page, paged.PageSize);
    }

    public async Task<ImportBatch> MineAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var me = user.Id;
        var query = tracking ? db.Set<ImportBatch>() : db.Set<ImportBatch>().AsNoTracking();
        return await query.FirstOrDefaultAsync(b => b.Id == id && b.CreatedBy == me, ct) ?? throw new EntityNotFoundException("Import", id);
    }

    public static SheetData ReadSheet(FileFormat format, byte[] content)
    {
        try
        {
            return SpreadsheetReader.Read(format, content);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw RequestValidationException.For("file", "import.unreadable", "The file could not be read as a spreadsheet.");
        }
    }

    private async Task RememberMappingAsync(ImportBatch batch, SheetData sheet, Dictionary<string, string?> mapping, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(mapping);
        batch.Mapping = json;
        var me = user.Id ?? Guid.Empty;
        var key = HeaderKey(sheet.Headers);
        var saved = await db.Set<ImportMapping>().FirstOrDefaultAsync(m => m.UserId == me && m.HeaderKey == key, ct);
        if (saved is null) db.Add(saved = new ImportMapping { UserId = me, HeaderKey = key });
        saved.Mapping = json;
        saved.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>A saved mapping applies to the headers still present and to fields that still exist.</summary>
    private static Dictionary<string, string?> Usable(Dictionary<string, string?> saved, SheetData sheet, IReadOnlyList<ImportField> fields) =>
        sheet.Headers.ToDictionary(h => h, h => saved.GetValueOrDefault(h) is { } f && fields.Any(x => x.Key == f) ? f : null);

    private static string HeaderKey(IEnumerable<string> headers)
    {
        var text = string.Join("\u001f", headers.Select(h => h.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
