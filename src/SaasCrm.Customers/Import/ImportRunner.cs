using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Export;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Editions;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Import;

/// <summary>
/// Commits an import: validates the whole file again (data may have changed since the dry run), then writes
/// customers in batches, each batch one transaction together with the progress it adds. A retried job resumes
/// after the last committed batch (the customers it already created carry the import's id).
/// All or nothing: any row in error and nothing is written. Duplicates are skipped in both modes.
/// </summary>
public sealed class ImportRunner(
    PlatformDbContext db,
    ImportValidator validator,
    IFileStore files,
    BulkInsert bulk,
    CustomFieldService customFields,
    ISearchIndexQueue search,
    IEditionLimitChecker limits,
    ICurrentUser user,
    TimeProvider clock,
    IOptions<ImportOptions> options)
{
    public async Task RunAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.Set<ImportBatch>().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.Status is not (ImportStatus.Queued or ImportStatus.Running)) return; // done already: at-least-once delivery
        var resuming = batch.Status == ImportStatus.Running;
        batch.Status = ImportStatus.Running;

        var file = await files.GetAsync(batch.FileId, ct);
        var sheet = ImportService.ReadSheet(batch.Format, await files.ReadAllBytesAsync(file, ct));
        var mapping = JsonSerializer.Deserialize<Dictionary<string, string?>>(batch.Mapping ?? "{}")!;
        var plan = await validator.ValidateAsync(sheet, mapping, resuming ? batch.Id : null, ct);
        var written = resuming ? await db.Set<Customer>().CountAsync(c => c.ImportBatchId == batch.Id, ct) : 0;

        if (!resuming)
        {
            batch.Total = plan.Rows.Count;
            batch.Errors = plan.ErrorRows;
            batch.Skipped = plan.DuplicateRows;
            batch.Processed = batch.Errors + batch.Skipped;
            if (batch.Errors + batch.Skipped > 0) batch.ErrorFileId = (await ErrorFileAsync(batch, plan, ct)).Id;
            if (batch.Mode == ImportMode.AllOrNothing && plan.ErrorRows > 0)
            {
                await FinishAsync(batch, ImportStatus.Failed, "import.has_errors", ct);
                return;
            }
            try
            {
                await limits.EnsureCanAddAsync(EditionLimits.Customers,
                    async c => await db.Set<Customer>().CountAsync(x => x.Status == CustomerStatus.Active, c) + plan.Groups.Count - 1, ct);
            }
            catch (BusinessException e) when (e.Code == "edition.limit_reached")
            {
                await FinishAsync(batch, ImportStatus.Failed, e.Code, ct);
                return;
            }
            await db.SaveChangesAsync(ct); // Running, counts and the error file, before the first batch
        }

        var hasCustomFields = await db.CustomFieldDefinitions.AnyAsync(f => f.EntityType == CustomersModule.CustomerRecordType, ct);
        foreach (var chunk in plan.Groups.Skip(written).Chunk(options.Value.BatchSize))
        {
            await WriteBatchAsync(batch, chunk, hasCustomFields, ct);
        }
        await FinishAsync(batch, ImportStatus.Completed, null, ct);
    }

    /// <summary>
    /// One transaction per batch. Customers, keys, ownership records, contacts, their change-log entries and the search
    /// operations go through the platform's bulk insert (multi-row INSERTs, stamped and logged like tracked rows); custom
    /// field values (only when the tenant has customer fields) and the progress counters through SaveChanges.
    /// </summary>
    private async Task WriteBatchAsync(ImportBatch batch, ImportGroup[] groups, bool hasCustomFields, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = user.Id;
        var customers = new List<Customer>(groups.Length);
        var customerKeys = new List<CustomerKey>(groups.Length * 4);
        var ownership = new List<OwnershipRecord>(groups.Length);
        var contacts = new List<Contact>(groups.Length);
        var customFieldInput = new List<(Guid, IReadOnlyDictionary<string, JsonElement>?)>(hasCustomFields ? groups.Length : 0);
        foreach (var group in groups)
        {
            var p = group.Customer;
            var customer = new Customer
            {
                Kind = p.Kind, Name = p.Name, LevelCode = p.LevelCode, SourceCode = p.SourceCode, IndustryCode = p.IndustryCode,
                Province = p.Province, City = p.City, District = p.District, Address = p.Address, Website = p.Website, Remark = p.Remark,
                Phones = [.. p.Phones], Emails = [.. p.Emails], Tags = [.. p.Tags],
                OwnerId = p.OwnerId ?? me, OwnedSince = now, Status = CustomerStatus.Active, ImportBatchId = batch.Id,
            };
            customers.Add(customer);
            customerKeys.AddRange(CustomerKeyWriter.NewKeys(customer));
            ownership.Add(new OwnershipRecord { CustomerId = customer.Id, Action = OwnershipAction.Created, ToUserId = customer.OwnerId, At = now, ByUserId = me, Reason = "import" });
            var primary = true;
            foreach (var c in group.Contacts)
            {
                contacts.Add(new Contact { CustomerId = customer.Id, Name = c.Name, Mobile = c.Mobile, Email = c.Email, Title = c.Title, IsPrimary = primary, ImportBatchId = batch.Id });
                primary = false;
            }
            if (hasCustomFields) customFieldInput.Add((customer.Id, p.CustomFields));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Each created record keeps its change-log entry (who, when, its name and this import); the import's stored file
        // and mapping hold the values, so one row per field per record would only repeat them.
        using (db.LogCreatesBriefly(nameof(Customer.Name), nameof(Customer.ImportBatchId)))
        {
            await bulk.InsertAsync(customers, ct);
            await bulk.InsertAsync(customerKeys, ct);
            await bulk.InsertAsync(ownership, ct);
            await bulk.InsertAsync(contacts, ct);
        }
        // One validation pass for the batch: definitions and referenced dictionary items and users are loaded once.
        if (hasCustomFields) await customFields.SaveCreatedAsync(CustomersModule.CustomerRecordType, customFieldInput, ct);
        // One operation per customer: the applier indexes a changed customer's contacts with it (they show its name), so
        // an operation per contact as well would index every row twice.
        await search.EnqueueNowAsync(SearchDocumentTypes.Customer, customers.Select(c => c.Id), ct);
        batch.Processed += groups.Sum(g => g.Rows.Count);
        batch.Created += groups.Length;
        batch.ContactsCreated += contacts.Count;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Keep the change tracker small (custom field values of earlier batches).
        db.ChangeTracker.Clear();
        db.Attach(batch);
    }

    private async Task FinishAsync(ImportBatch batch, ImportStatus status, string? failureCode, CancellationToken ct)
    {
        batch.Status = status;
        batch.FailureCode = failureCode;
        if (status == ImportStatus.Failed) batch.Processed = batch.Total;
        batch.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rows not imported, as they came, with one more column saying why; same format as the upload.</summary>
    private async Task<StoredFile> ErrorFileAsync(ImportBatch batch, ImportPlan plan, CancellationToken ct)
    {
        var headers = plan.Sheet.Headers.Append("错误 / Error").ToList();
        var rows = plan.Rows.Where(r => r.Status != RowStatus.Valid)
            .Select(r => (IReadOnlyList<object?>)new List<object?>(r.Cells) { $"第 {r.Number} 行 / Row {r.Number}: " + string.Join("; ", r.Errors.Select(e => $"{e.Field}: {e.Message}")) });
        var content = SpreadsheetWriter.Write(batch.Format, headers, rows);
        var name = Path.GetFileNameWithoutExtension(batch.FileName) + "-errors" + FileContentSniffer.Extensions[batch.Format];
        return await files.SaveGeneratedAsync(ImportService.ErrorFilePurpose, name, batch.Format, content, ct);
    }
}
