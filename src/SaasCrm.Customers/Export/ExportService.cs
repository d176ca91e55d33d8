using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Export;

/// <summary>
/// Exports the customers the caller may see to .xlsx or .csv, with the chosen columns, dictionary and custom
/// field labels in the caller's language, every text cell safe from formula injection. Small exports are
/// answered at once; larger ones run as a job that leaves a stored file.
/// </summary>
public sealed class ExportService(
    PlatformDbContext db,
    CustomerAccess access,
    Records.CustomerListQuery list,
    IDictionaryLookup dictionaries,
    CustomFieldService customFieldValues,
    IFileStore files,
    IBackgroundJobManager jobs,
    ICurrentUser user,
    IHttpContextAccessor http,
    TimeProvider clock,
    IOptions<ExportOptions> options)
{
    public const string FilePurpose = "customer-export";
    private static readonly string[] Languages = ["zh-CN", "en-US"];

    public async Task<IReadOnlyList<ExportColumnDto>> ColumnsAsync(CancellationToken ct) => ExportColumns.All(await CustomFieldsAsync(ct));

    /// <summary>The file itself when small, otherwise the queued export (the UI polls it and downloads its file).</summary>
    public async Task<(ExportFile? File, CustomerExportDto? Queued)> ExportAsync(CustomerExportRequest request, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Format)) throw RequestValidationException.For("format", "export.unknown_format", "Choose xlsx or csv.");
        var columns = await ColumnsOfAsync(request.Columns, ct);
        var language = await LanguageAsync(request.Language, ct);
        var filter = request.Filter ?? new CustomerExportFilter();
        var total = await (await QueryAsync(filter, ct)).CountAsync(ct);
        if (total <= options.Value.InlineRowLimit)
            return (await BuildAsync(request.Format, columns, filter, language, null, ct), null);

        var export = new CustomerExport
        {
            Format = request.Format, Columns = JsonSerializer.Serialize(columns), Filter = JsonSerializer.Serialize(filter), Language = language,
            Status = ExportStatus.Queued, Total = total, CreatedBy = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(export);
        await jobs.EnqueueAsync(new ExportJobArgs(export.Id), idempotencyKey: $"customer-export:{export.Id}", cancellationToken: ct);
        await db.SaveChangesAsync(ct);
        return (null, CustomerExportDto.From(export));
    }

    public async Task<CustomerExportDto> GetAsync(Guid id, CancellationToken ct)
    {
        var me = user.Id;
        var export = await db.Set<CustomerExport>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.CreatedBy == me, ct)
                     ?? throw new EntityNotFoundException("Export", id);
        return CustomerExportDto.From(export);
    }

    /// <summary>The job's work: build the file as the user who asked, keep it, link it to the export.</summary>
    public async Task RunAsync(Guid exportId, CancellationToken ct)
    {
        var export = await db.Set<CustomerExport>().FirstOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null || export.Status == ExportStatus.Completed) return;
        export.Status = ExportStatus.Running;
        await db.SaveChangesAsync(ct);
        var columns = JsonSerializer.Deserialize<List<string>>(export.Columns)!;
        var filter = JsonSerializer.Deserialize<CustomerExportFilter>(export.Filter)!;
        var file = await BuildAsync(export.Format, columns, filter, export.Language, export, ct);
        var stored = await files.SaveGeneratedAsync(FilePurpose, file.FileName, export.Format, file.Content, ct);
        export.FileId = stored.Id;
        export.Status = ExportStatus.Completed;
        export.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<ExportFile> BuildAsync(FileFormat format, IReadOnlyList<string> columns, CustomerExportFilter filter, string language, CustomerExport? progress, CancellationToken ct)
    {
        var zh = language == "zh-CN";
        var customFields = await CustomFieldsAsync(ct);
        var all = ExportColumns.All(customFields);
        var headers = columns.Select(k => all.First(c => c.Key == k)).Select(c => zh ? c.LabelZh : c.LabelEn).ToList();
        var cells = new ExportCells(dictionaries, zh, customFields);
        await cells.LoadDictionariesAsync(ct);

        var rows = new List<IReadOnlyList<object?>>();
        var query = (await QueryAsync(filter, ct)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        var needsContacts = columns.Any(c => c.StartsWith("contact", StringComparison.Ordinal));
        var needsCustom = columns.Any(c => c.StartsWith("cf.", StringComparison.Ordinal));
        for (var skip = 0; ; skip += options.Value.PageSize)
        {
            var page = await query.Skip(skip).Take(options.Value.PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            var ids = page.Select(c => c.Id).ToList();
            var owners = page.Where(c => c.OwnerId != null).Select(c => c.OwnerId!.Value).Distinct().ToList();
            var userNames = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var contacts = needsContacts
                ? (await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.CustomerId)).OrderByDescending(c => c.IsPrimary).ThenBy(c => c.CreatedAt).ToListAsync(ct))
                    .GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.First())
                : [];
            var custom = needsCustom ? await customFieldValues.LoadAsync(CustomersModule.CustomerRecordType, ids, ct) : [];
            await cells.LoadUsersAsync(db, custom, ct);
            foreach (var customer in page)
            {
                rows.Add(columns.Select(k => cells.Value(k, customer, userNames, contacts.GetValueOrDefault(customer.Id), custom.GetValueOrDefault(customer.Id))).ToList());
            }
            if (progress is not null)
            {
                progress.Processed = rows.Count;
                await db.SaveChangesAsync(ct);
            }
            if (page.Count < options.Value.PageSize) break;
        }
        var content = SpreadsheetWriter.Write(format, headers, rows);
        var name = $"{(zh ? "客户" : "customers")}-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}{FileContentSniffer.Extensions[format]}";
        return new ExportFile(name, FileContentSniffer.ContentTypes[format], content);
    }

    /// <summary>The chosen customers, or the list's query: active, within the caller's visibility.</summary>
    private async Task<IQueryable<Customer>> QueryAsync(CustomerExportFilter filter, CancellationToken ct)
    {
        if (filter.CustomerIds is { Count: > 0 } ids)
            return (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), ct)).Where(c => c.Status == CustomerStatus.Active && ids.Contains(c.Id));
        var (listFilter, customFields) = Records.CustomerListFilterParser.Parse(filter.Query);
        return await list.FilterAsync(listFilter, customFields, ct);
    }

    private async Task<List<string>> ColumnsOfAsync(List<string>? requested, CancellationToken ct)
    {
        if (requested is not { Count: > 0 }) return [.. ExportColumns.Default];
        var all = ExportColumns.All(await CustomFieldsAsync(ct));
        foreach (var key in requested.Where(k => all.All(c => c.Key != k)))
            throw RequestValidationException.For("columns", "export.unknown_column", $"'{key}' is not a column that can be exported.");
        return requested.Distinct().ToList();
    }

    private async Task<string> LanguageAsync(string? requested, CancellationToken ct)
    {
        if (requested is not null)
            return Languages.Contains(requested) ? requested : throw RequestValidationException.For("language", "export.unknown_language", "Choose zh-CN or en-US.");
        var me = user.Id;
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.Language).FirstOrDefaultAsync(ct);
        if (profile is not null) return profile;
        var accept = http.HttpContext?.Request.Headers.AcceptLanguage.ToString() ?? "";
        return accept.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";
    }

    private async Task<List<CustomFieldDefinition>> CustomFieldsAsync(CancellationToken ct) =>
        await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.EntityType == CustomersModule.CustomerRecordType).ToListAsync(ct);
}

public sealed record ExportFile(string FileName, string ContentType, byte[] Content);
