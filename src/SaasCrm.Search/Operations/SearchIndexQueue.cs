using SaasCrm.Platform.Data;

namespace SaasCrm.Search.Operations;

/// <summary>Adds index operations to the caller's unit of work; they commit or roll back with the change.</summary>
internal sealed class SearchIndexQueue(PlatformDbContext db, TimeProvider clock) : ISearchIndexQueue
{
    public void Enqueue(string documentType, IEnumerable<Guid> ids)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in ids.Distinct().ToList())
        {
            db.Add(new SearchIndexOperation { DocumentType = documentType, DocumentId = id, CreatedAt = now });
        }
    }
}
