using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Merge;

/// <summary>What a merge would do: differing fields to choose between, united lists, and how many records would move.</summary>
internal sealed class PreviewMerge(PlatformDbContext db, CustomerAccess access, CustomFieldService fields, IEnumerable<ICustomerRelatedRecords> related)
{
    public async Task<MergePreviewDto> ExecuteAsync(MergePreviewRequest request, CancellationToken ct)
    {
        var p = await MergeParticipants.LoadAsync(access, request.SurvivorId, request.LoserIds, ct);
        var conflicts = new List<MergeConflictDto>();
        foreach (var field in MergeFields.Choosable)
        {
            if (p.Losers.All(l => field.IsEmpty(l) || field.SameIn(l, p.Survivor))) continue;
            var source = field.IsEmpty(p.Survivor) ? p.Losers.First(l => !field.IsEmpty(l)).Id : p.Survivor.Id;
            conflicts.Add(new MergeConflictDto(field.Name, field.LabelEn, field.LabelZh, false, source,
                p.All.Select(c => new MergeValueDto(c.Id, field.Get(c))).ToList()));
        }
        foreach (var cf in await CustomFieldComparison.LoadAsync(db, fields, p, ct))
        {
            var mine = cf.Values[p.Survivor.Id];
            if (p.Losers.All(l => CustomFieldComparison.IsEmpty(cf.Values[l.Id]) || CustomFieldComparison.Same(cf.Values[l.Id], mine))) continue;
            var source = CustomFieldComparison.IsEmpty(mine) ? p.Losers.First(l => !CustomFieldComparison.IsEmpty(cf.Values[l.Id])).Id : p.Survivor.Id;
            conflicts.Add(new MergeConflictDto(cf.Key, cf.Field.LabelEn, cf.Field.LabelZh, true, source,
                p.All.Select(c => new MergeValueDto(c.Id, cf.Values[c.Id])).ToList()));
        }

        return new MergePreviewDto(
            p.Survivor.Id,
            p.All.Select(c => new MergeCustomerDto(c.Id, c.Name, c.OwnerId, c.LevelCode, c.Id == p.Survivor.Id, c.ConcurrencyStamp)).ToList(),
            conflicts,
            new MergeUnitedDto(Unite(p, c => c.Phones, CustomerNormalizer.Phone), Unite(p, c => c.Emails, CustomerNormalizer.Email), Unite(p, c => c.Tags, t => t.Trim())),
            await CountMovesAsync(p.Losers.Select(l => l.Id).ToList(), ct));
    }

    /// <summary>The survivor's values first, then the losers' new ones; equal when their normalised forms are.</summary>
    public static List<string> Unite(MergeParticipants p, Func<Customer, List<string>> values, Func<string, string> normalize)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var united = new List<string>();
        foreach (var value in p.All.SelectMany(values))
        {
            var key = normalize(value);
            if (key.Length == 0 ? !seen.Add("raw:" + value) : !seen.Add(key)) continue;
            united.Add(value);
        }
        return united;
    }

    private async Task<List<MergeMoveCountDto>> CountMovesAsync(List<Guid> loserIds, CancellationToken ct)
    {
        var moves = new List<MergeMoveCountDto>
        {
            new(CustomerMergeItem.Contact, "Contacts", "联系人", await db.Set<Contact>().CountAsync(c => loserIds.Contains(c.CustomerId), ct)),
            new(CustomerMergeItem.FollowUp, "Follow-ups", "跟进记录", await db.Set<FollowUp>().CountAsync(f => loserIds.Contains(f.CustomerId), ct)),
            // Files stay on their follow-ups, so they move (and move back) with them.
            new("follow-up-file", "Follow-up files", "跟进附件", await db.Set<FollowUpAttachment>()
                .CountAsync(a => db.Set<FollowUp>().Any(f => f.Id == a.FollowUpId && loserIds.Contains(f.CustomerId)), ct)),
            new(CustomerMergeItem.Reminder, "Reminders", "预约提醒", await db.Set<Reminder>().CountAsync(r => r.CustomerId != null && loserIds.Contains(r.CustomerId.Value), ct)),
        };
        foreach (var source in related)
        {
            var counts = await source.CountAsync(loserIds, ct);
            moves.Add(new MergeMoveCountDto(source.Kind, source.DisplayName.En, source.DisplayName.Zh, counts.Values.Sum()));
        }
        return moves;
    }
}
