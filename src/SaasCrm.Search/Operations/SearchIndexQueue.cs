using SaasCrm.Platform.Data;

namespace SaasCrm.Search.Operations;

/// <summary>Adds index operations to the caller's unit of work; they commit or roll back with the change.</summary>
internal sealed class SearchIndexQueue(PlatformDbContext db, BulkInsert bulk, TimeProvider clock) : ISearchIndexQueue
{
    public void Enqueue(string documentType, IEnumerable<Guid> ids)
    {
        foreach (var operation in Operations(documentType, ids)) db.Add(operation);
    }

    // Sequence is an identity column: the bulk insert leaves it to the database, as SaveChanges does.
    public async Task EnqueueNowAsync(string documentType, IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        await bulk.InsertAsync(Operations(documentType, ids), cancellationToken);

    private List<SearchIndexOperation> Operations(string documentType, IEnumerable<Guid> ids)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ids.Distinct().Select(id => new SearchIndexOperation { DocumentType = documentType, DocumentId = id, CreatedAt = now }).ToList();
    }
}
