using SaasCrm.Platform.Data;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Shared;

/// <summary>Adds lines to a record's own history in the caller's unit of work.</summary>
public sealed class ServiceHistoryWriter(PlatformDbContext db, ICurrentUser user, TimeProvider clock)
{
    public void Add(string recordType, Guid recordId, string action, string? from = null, string? to = null, string? note = null) =>
        db.Add(new ServiceHistory
        {
            RecordType = recordType, RecordId = recordId, Action = action, FromValue = Cut(from), ToValue = Cut(to), Note = Cut(note, 1000),
            ByUserId = user.Id, At = clock.GetUtcNow().UtcDateTime,
        });

    private static string? Cut(string? value, int max = 200) => value is null || value.Length <= max ? value : value[..max];
}
