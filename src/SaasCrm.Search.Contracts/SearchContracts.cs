namespace SaasCrm.Search;

/// <summary>
/// How a module keeps its records searchable. Changes enqueue index operations by record id into the
/// caller's unit of work, so they commit (or roll back) with the change; every node then applies them in
/// order, reading the record's current document through its <see cref="ISearchDocumentSource"/>.
/// </summary>
public interface ISearchIndexQueue
{
    /// <summary>Records of <paramref name="documentType"/> that were created, changed or deleted in this unit of work.</summary>
    void Enqueue(string documentType, IEnumerable<Guid> ids);

    /// <summary>
    /// For bulk work (imports, handovers): writes the operations at once with multi-row inserts instead of adding
    /// them to the change tracker. Call it inside the transaction of the change, so they commit or roll back with it.
    /// </summary>
    Task EnqueueNowAsync(string documentType, IEnumerable<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Builds the documents of one type from the database: for index operations and for a rebuild.</summary>
public interface ISearchDocumentSource
{
    string DocumentType { get; }

    /// <summary>The current documents of these records in the current tenant; a record that is gone or no longer searchable is left out (and so deleted from the index).</summary>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>All searchable records of the current tenant, in batches, for a rebuild.</summary>
    IAsyncEnumerable<IReadOnlyList<SearchDocument>> ReadAllAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>How many documents a rebuild will read (for its progress); null when unknown.</summary>
    Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    /// <summary>
    /// Records of this type whose documents embed data of changed records of another type (a contact shows its
    /// customer's name and follows its visibility): they are re-read along with the change.
    /// </summary>
    Task<IReadOnlyList<Guid>> DependentIdsAsync(string changedType, IReadOnlyCollection<Guid> changedIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>([]);
}

/// <summary>One record as the index sees it.</summary>
/// <param name="Title">Shown as the hit's heading and boosted in ranking (a customer's name).</param>
/// <param name="Text">Other free text, by field name (address, remark, contact names).</param>
/// <param name="Identifiers">Phones, emails and codes: findable by any part of them.</param>
/// <param name="Filters">Exact-match values the caller may filter on (owner, level, in pool), by field name.</param>
/// <param name="OwnerId">The record's owner, for the data scope; null when nobody owns it.</param>
/// <param name="Version">Grows with every change; an older version never overwrites a newer one.</param>
/// <param name="Subtitle">A second line under the title (a contact's customer).</param>
/// <param name="Link">Where the UI opens the record (a client route such as /customers/{id}).</param>
public sealed record SearchDocument(
    string DocumentType,
    Guid Id,
    string Title,
    IReadOnlyDictionary<string, string?> Text,
    IReadOnlyList<string> Identifiers,
    IReadOnlyDictionary<string, string?> Filters,
    Guid? OwnerId,
    long Version,
    string? Subtitle = null,
    string? Link = null)
{
    /// <summary>The field name a scope uses for the document's own id.</summary>
    public const string IdField = "id";
}
