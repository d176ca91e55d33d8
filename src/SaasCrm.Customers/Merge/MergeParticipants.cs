using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Merge;

/// <summary>The customers of a merge, loaded through <see cref="CustomerAccess"/>: each visible and editable by the caller, or 404/409.</summary>
internal sealed record MergeParticipants(Customer Survivor, IReadOnlyList<Customer> Losers)
{
    public IEnumerable<Customer> All => Losers.Prepend(Survivor);

    public static async Task<MergeParticipants> LoadAsync(CustomerAccess access, Guid survivorId, IReadOnlyList<Guid> loserIds, CancellationToken ct)
    {
        var survivor = await access.GetEditableAsync(survivorId, ct);
        var losers = new List<Customer>();
        foreach (var id in loserIds) losers.Add(await access.GetEditableAsync(id, ct));
        return new MergeParticipants(survivor, losers);
    }
}

/// <summary>How the custom fields of the merged customers compare, by field name.</summary>
internal sealed record CustomFieldComparison(CustomFieldDefinition Field, IReadOnlyDictionary<Guid, object?> Values)
{
    public static async Task<List<CustomFieldComparison>> LoadAsync(PlatformDbContext db, CustomFieldService fields, MergeParticipants p, CancellationToken ct)
    {
        var ids = p.All.Select(c => c.Id).ToList();
        var values = await fields.LoadAsync(CustomersModule.CustomerRecordType, ids, ct);
        var definitions = await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.EntityType == CustomersModule.CustomerRecordType).OrderBy(f => f.Sort).ToListAsync(ct);
        return definitions.Select(f => new CustomFieldComparison(f, ids.ToDictionary(id => id, id => values[id].GetValueOrDefault(f.Name)))).ToList();
    }

    public static bool IsEmpty(object? value) => value is null or "" || (value is System.Collections.ICollection { Count: 0 });
    public static bool Same(object? a, object? b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    public string Key => MergeFields.CustomFieldPrefix + Field.Name;
}
