using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.History;

/// <summary>One line of the readable history: a field change, or an owner/pool move.</summary>
public sealed record HistoryEntry(Guid Id, DateTime At, Guid? UserId, string? UserName, string Kind, string? Field, LocalizedText? FieldLabel,
    string? OldValue, string? NewValue, LocalizedText? OldLabel, LocalizedText? NewLabel, string? Reason);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Items, string? NextCursor);

/// <summary>
/// A customer's change history for people (C9): the entity change log of the customer with field labels,
/// dictionary labels and user names instead of codes and ids, merged with its ownership moves (assignments,
/// pool releases and claims, handovers, merges), newest first, filterable by field and user.
/// </summary>
public sealed class ChangeHistory(PlatformDbContext db, IDictionaryLookup dictionaries, UserNames users)
{
    private static readonly Dictionary<string, LocalizedText> Labels = new()
    {
        [nameof(Customer.Kind)] = new("Kind", "类型"), [nameof(Customer.Name)] = new("Name", "名称"), [nameof(Customer.Code)] = new("Code", "编号"),
        [nameof(Customer.LevelCode)] = new("Level", "级别"), [nameof(Customer.SourceCode)] = new("Source", "来源"), [nameof(Customer.IndustryCode)] = new("Industry", "行业"),
        [nameof(Customer.Province)] = new("Province", "省份"), [nameof(Customer.City)] = new("City", "城市"), [nameof(Customer.District)] = new("District", "区县"),
        [nameof(Customer.Address)] = new("Address", "地址"), [nameof(Customer.Latitude)] = new("Latitude", "纬度"), [nameof(Customer.Longitude)] = new("Longitude", "经度"),
        [nameof(Customer.Phones)] = new("Phones", "电话"), [nameof(Customer.Emails)] = new("Emails", "邮箱"), [nameof(Customer.Tags)] = new("Tags", "标签"),
        [nameof(Customer.Website)] = new("Website", "网址"), [nameof(Customer.Remark)] = new("Remark", "备注"), [nameof(Customer.OwnerId)] = new("Owner", "负责人"),
        [nameof(Customer.ServiceRepId)] = new("Service rep", "专属客服"), [nameof(Customer.PoolId)] = new("Pool", "公海"), [nameof(Customer.IsLocked)] = new("Locked", "锁定"),
        [nameof(Customer.LastFollowUpAt)] = new("Last follow-up", "最近跟进"), [nameof(Customer.NextFollowUpAt)] = new("Next follow-up", "下次跟进"),
        [nameof(Customer.LastDealAt)] = new("Last deal", "最近成交"), [nameof(Customer.Status)] = new("Status", "状态"), [nameof(Customer.MergedIntoId)] = new("Merged into", "合并至"),
        [nameof(Customer.ImportBatchId)] = new("Import batch", "导入批次"),
    };

    private static readonly Dictionary<string, string> DictionaryFields = new()
    {
        [nameof(Customer.LevelCode)] = CustomerDictionaries.Level, [nameof(Customer.SourceCode)] = CustomerDictionaries.Source,
        [nameof(Customer.IndustryCode)] = CustomerDictionaries.Industry,
    };

    private static readonly HashSet<string> UserFields = [nameof(Customer.OwnerId), nameof(Customer.ServiceRepId)];

    public async Task<HistoryPage> ListAsync(Guid customerId, string? field, Guid? userId, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = Paging.Size(pageSize);
        var after = KeysetCursor.Decode(cursor);
        var entityId = customerId.ToString();
        var changes = db.EntityChanges.AsNoTracking()
            .Where(c => (c.EntityType == nameof(Customer) || c.EntityType == CustomersModule.CustomerRecordType) && c.EntityId == entityId);
        var moves = db.Set<OwnershipRecord>().AsNoTracking().Where(r => r.CustomerId == customerId);
        if (userId is { } u)
        {
            changes = changes.Where(c => c.UserId == u);
            moves = moves.Where(r => r.ByUserId == u);
        }
        if (after is not null)
        {
            changes = changes.Where(c => c.ChangedAt <= after.At);
            moves = moves.Where(r => r.At <= after.At);
        }
        var changeRows = await changes.OrderByDescending(c => c.ChangedAt).Take(size + 1).Include(c => c.PropertyChanges).ToListAsync(ct);
        var moveRows = field is null || field == nameof(Customer.OwnerId)
            ? await moves.OrderByDescending(r => r.At).Take(size + 1).ToListAsync(ct)
            : [];

        var entries = changeRows.SelectMany(c => c.PropertyChanges
                .Where(p => field is null || p.PropertyName == field)
                .Select(p => (Id: p.Id, At: c.ChangedAt, c.UserId, Field: p.PropertyName, p.OldValue, p.NewValue, Kind: c.ChangeType.ToString(), Reason: (string?)null)))
            .Concat(moveRows.Select(r => (Id: r.Id, r.At, UserId: r.ByUserId, Field: nameof(Customer.OwnerId), OldValue: r.FromUserId?.ToString(), NewValue: r.ToUserId?.ToString(),
                Kind: r.Action.ToString(), Reason: r.Reason)))
            .Where(e => after is null || e.At < after.At || !after.SeenAtSameTime.Contains(e.Id))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(size)
            .ToList();

        await users.LoadAsync(entries.SelectMany(e => new[] { e.UserId }
            .Concat(UserFields.Contains(e.Field) ? [Parse(e.OldValue), Parse(e.NewValue)] : [])), ct);
        var customFieldLabels = await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.EntityType == CustomersModule.CustomerRecordType)
            .ToDictionaryAsync(f => "cf." + f.Name, f => new LocalizedText(f.LabelEn, f.LabelZh), ct);

        var items = new List<HistoryEntry>();
        foreach (var e in entries)
        {
            var label = Labels.GetValueOrDefault(e.Field) ?? customFieldLabels.GetValueOrDefault(e.Field);
            items.Add(new HistoryEntry(e.Id, e.At, e.UserId, users.Of(e.UserId), e.Kind, e.Field, label, e.OldValue, e.NewValue,
                await LabelAsync(e.Field, e.OldValue, ct), await LabelAsync(e.Field, e.NewValue, ct), e.Reason));
        }
        return new HistoryPage(items, KeysetCursor.After(items, size, i => i.At, i => i.Id, after));
    }

    private async Task<LocalizedText?> LabelAsync(string field, string? value, CancellationToken ct)
    {
        if (value is null) return null;
        if (UserFields.Contains(field)) return users.Of(Parse(value)) is { } name ? new LocalizedText(name, name) : null;
        if (!DictionaryFields.TryGetValue(field, out var type)) return null;
        var item = (await dictionaries.ItemsAsync(type, ct)).FirstOrDefault(i => i.Code == value);
        return item is null ? null : new LocalizedText(item.LabelEn, item.LabelZh);
    }

    private static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
