using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Instances;

/// <summary>
/// A round-robin pool an admin named (the Assign step's <c>pool</c>) read as what it stands for: a team when the key is a
/// department's id, a category (or other dictionary value of the record type) when it is one of its codes. Adds
/// <c>poolName</c> / <c>poolNameZh</c> to the reason's values; a key that stands for nothing known stays as typed.
/// One query for departments, dictionary items from the cached lookup, per list (not per reason).
/// </summary>
public sealed class AssignmentPoolNames(PlatformDbContext db, IDictionaryLookup dictionaries, WorkflowRecordTypes recordTypes)
{
    public async Task AddAsync(IReadOnlyList<(string RecordType, Dictionary<string, string?> Args)> reasons, CancellationToken ct)
    {
        var named = reasons.Where(r => !string.IsNullOrEmpty(r.Args.GetValueOrDefault("pool"))).ToList();
        if (named.Count == 0) return;

        var departmentIds = named.Select(r => Guid.TryParse(r.Args["pool"], out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var departments = departmentIds.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var codeLabels = new Dictionary<string, Dictionary<string, DictionaryItemInfo>>();
        foreach (var (recordType, args) in named)
        {
            var key = args["pool"]!;
            if (Guid.TryParse(key, out var id) && departments.TryGetValue(id, out var department))
            {
                args["poolName"] = department;
                args["poolNameZh"] = department;
            }
            else if ((await CodesAsync(recordType, codeLabels, ct)).GetValueOrDefault(key) is { } item)
            {
                args["poolName"] = item.LabelEn;
                args["poolNameZh"] = item.LabelZh;
            }
        }
    }

    /// <summary>The values of the record type's dictionary fields by code (the first field's item wins), read once per record type.</summary>
    private async Task<Dictionary<string, DictionaryItemInfo>> CodesAsync(string recordType, Dictionary<string, Dictionary<string, DictionaryItemInfo>> known, CancellationToken ct)
    {
        if (known.TryGetValue(recordType, out var codes)) return codes;
        codes = [];
        var fields = await recordTypes.FieldsAsync(recordTypes.Find(recordType), ct);
        foreach (var type in fields.Where(f => f.Type == WorkflowFieldType.Dictionary && f.DictionaryType is not null).Select(f => f.DictionaryType!).Distinct())
            foreach (var item in await dictionaries.ItemsAsync(type, ct))
                codes.TryAdd(item.Code, item);
        return known[recordType] = codes;
    }
}
