using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SaasCrm.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>
/// The embedded engine: one Lucene index per tenant under {root}/{tenantId}/{generation}, the live generation
/// named in a "current" file. A rebuild writes a new generation next to the live one and swaps it in; searches
/// and writes hold a read lock, the swap a short write lock, so nobody sees a half-built index.
/// </summary>
public sealed class LuceneSearchIndex(string root, TimeProvider? clock = null) : ISearchIndex, IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private const string CurrentFile = "current";
    private readonly ConcurrentDictionary<Guid, TenantSlot> _slots = new();

    public string Root { get; } = Path.GetFullPath(root);

    public Task ApplyAsync(Guid tenantId, IReadOnlyList<SearchDocument> upserts, IReadOnlyList<DocumentKey> deletes, CancellationToken cancellationToken)
    {
        var slot = Slot(tenantId);
        slot.Lock.EnterReadLock();
        try
        {
            var index = slot.Open(this, tenantId);
            lock (index) // one writer batch at a time per tenant: the version check and the write belong together
            {
                index.Searchers.MaybeRefreshBlocking();
                var searcher = index.Searchers.Acquire();
                try
                {
                    var fields = new LuceneFieldPool();
                    var versions = new IndexedVersions(searcher.IndexReader);
                    foreach (var document in upserts.GroupBy(d => IndexFields.KeyOf(d)).Select(g => g.MaxBy(d => d.Version)!))
                    {
                        var key = new Term(IndexFields.Key, IndexFields.KeyOf(document));
                        var indexed = versions.Of(key.Bytes);
                        if (indexed > document.Version) continue; // never overwrite newer
                        // A key the searcher does not know is in no segment (the searcher was refreshed under this lock, and
                        // keys are unique in a batch): adding it spares the writer a delete by term in every segment.
                        if (indexed is null) index.Writer.AddDocument(LuceneDocuments.ToLucene(document, fields));
                        else index.Writer.UpdateDocument(key, LuceneDocuments.ToLucene(document, fields));
                    }
                }
                finally
                {
                    index.Searchers.Release(searcher);
                }
                foreach (var key in deletes) index.Writer.DeleteDocuments(new Term(IndexFields.Key, key.ToString()));
                index.Writer.Commit();
                index.Searchers.MaybeRefreshBlocking();
            }
        }
        finally
        {
            slot.Lock.ExitReadLock();
        }
        return Task.CompletedTask;
    }

    public Task<SearchIndexResult> SearchAsync(Guid tenantId, SearchIndexQuery query, CancellationToken cancellationToken)
    {
        if (query.Plan.IsEmpty || query.Take <= 0) return Task.FromResult(new SearchIndexResult(0, []));
        var slot = Slot(tenantId);
        slot.Lock.EnterReadLock();
        try
        {
            var index = slot.OpenIfExists(this, tenantId);
            if (index is null) return Task.FromResult(new SearchIndexResult(0, []));
            var searcher = index.Searchers.Acquire();
            try
            {
                var luceneQuery = LuceneDocuments.ToQuery(query);
                var topCollector = TopScoreDocCollector.Create(query.Skip + query.Take, true);
                FacetCollector? facets = null;
                if (query.FacetField is { } facetField)
                {
                    facets = new FacetCollector(IndexFields.Filter(facetField));
                    if (query.Filters.ContainsKey(facetField)) searcher.Search(LuceneDocuments.ToQuery(query, withoutFilter: facetField), facets);
                    else
                    {
                        searcher.Search(luceneQuery, MultiCollector.Wrap(topCollector, facets));
                        facets.Done = true;
                    }
                }
                if (facets is not { Done: true }) searcher.Search(luceneQuery, topCollector);
                var top = topCollector.GetTopDocs();
                var hits = top.ScoreDocs.Skip(query.Skip).Select(sd => LuceneDocuments.ToHit(searcher.Doc(sd.Doc), sd.Score)).ToList();
                return Task.FromResult(new SearchIndexResult(top.TotalHits, hits, facets?.Counts));
            }
            finally
            {
                index.Searchers.Release(searcher);
            }
        }
        finally
        {
            slot.Lock.ExitReadLock();
        }
    }

    public Task<ISearchIndexBuild> BeginRebuildAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var generation = $"g{DateTime.UtcNow:yyyyMMddHHmmssfffffff}";
        var path = Path.Combine(TenantPath(tenantId), generation);
        return Task.FromResult<ISearchIndexBuild>(new Build(this, tenantId, generation, TenantIndex.Create(path, OpenMode.CREATE)));
    }

    public Task DeleteTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var slot = Slot(tenantId);
        slot.Lock.EnterWriteLock();
        try
        {
            slot.Close();
            if (System.IO.Directory.Exists(TenantPath(tenantId))) System.IO.Directory.Delete(TenantPath(tenantId), recursive: true);
        }
        finally
        {
            slot.Lock.ExitWriteLock();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Root)) return Task.FromResult<IReadOnlyList<Guid>>([]);
        IReadOnlyList<Guid> tenants = System.IO.Directory.GetDirectories(Root)
            .Select(d => Guid.TryParseExact(Path.GetFileName(d), "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToList();
        return Task.FromResult(tenants);
    }

    /// <summary>Tenant indexes open now (each holds a writer, readers and their files).</summary>
    public int OpenTenants => _slots.Values.Count(s => s.IsOpen);

    /// <summary>
    /// Closes the indexes of tenants not used for <paramref name="idleFor"/>, so a node serving thousands of tenants
    /// keeps file handles and memory only for the active ones; the next use opens the index again. An index in use
    /// right now is left for the next call.
    /// </summary>
    public int CloseIdle(TimeSpan idleFor)
    {
        var cutoff = (_clock.GetUtcNow() - idleFor).UtcTicks;
        var closed = 0;
        foreach (var slot in _slots.Values.Where(s => s.IsOpen && s.LastUsed < cutoff))
        {
            if (!slot.Lock.TryEnterWriteLock(0)) continue;
            try
            {
                if (slot.LastUsed >= cutoff) continue;
                slot.Close();
                closed++;
            }
            finally
            {
                slot.Lock.ExitWriteLock();
            }
        }
        return closed;
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values) slot.Close();
    }

    private string TenantPath(Guid tenantId) => Path.Combine(Root, tenantId.ToString("N"));

    private TenantSlot Slot(Guid tenantId)
    {
        if (tenantId == Guid.Empty) throw new ArgumentException("A search index always belongs to a tenant.", nameof(tenantId));
        var slot = _slots.GetOrAdd(tenantId, _ => new TenantSlot());
        slot.LastUsed = _clock.GetUtcNow().UtcTicks;
        return slot;
    }

    private static readonly ISet<string> VersionOnly = new HashSet<string> { IndexFields.Version };

    /// <summary>
    /// Versions of live documents by key, read straight from each segment's postings with one terms enumerator per
    /// segment for a whole write batch: a new document (most of an import) costs one term seek per segment, and no query
    /// is scored nor other stored field read (a TermQuery search per document was over a quarter of the applier's time,
    /// and a fresh enumerator per document and segment most of the rest, profiled).
    /// </summary>
    private sealed class IndexedVersions(IndexReader reader)
    {
        private readonly (AtomicReader Reader, TermsEnum? Keys)[] _segments =
            [.. reader.Leaves.Select(l => (l.AtomicReader, l.AtomicReader.GetTerms(IndexFields.Key)?.GetEnumerator()))];
        private DocsEnum? _docs;

        public long? Of(BytesRef key)
        {
            foreach (var (segment, keys) in _segments)
            {
                if (keys is null || !keys.SeekExact(key)) continue;
                _docs = keys.Docs(segment.LiveDocs, _docs, DocsFlags.NONE);
                var doc = _docs.NextDoc();
                if (doc != DocIdSetIterator.NO_MORE_DOCS) return segment.Document(doc, VersionOnly).GetField(IndexFields.Version).GetInt64Value();
            }
            return null;
        }
    }

    /// <summary>A tenant's live index, opened on first use.</summary>
    private sealed class TenantSlot
    {
        private TenantIndex? _index;
        private long _lastUsed;
        public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.SupportsRecursion);
        public bool IsOpen => Volatile.Read(ref _index) is not null;
        /// <summary>UTC ticks of the last call that reached this tenant's index.</summary>
        public long LastUsed { get => Interlocked.Read(ref _lastUsed); set => Interlocked.Exchange(ref _lastUsed, value); }

        public TenantIndex Open(LuceneSearchIndex owner, Guid tenantId) => OpenCore(owner, tenantId, create: true)!;
        public TenantIndex? OpenIfExists(LuceneSearchIndex owner, Guid tenantId) => OpenCore(owner, tenantId, create: false);

        private TenantIndex? OpenCore(LuceneSearchIndex owner, Guid tenantId, bool create)
        {
            if (_index is not null) return _index;
            lock (this)
            {
                if (_index is not null) return _index;
                var tenantPath = owner.TenantPath(tenantId);
                var current = Path.Combine(tenantPath, CurrentFile);
                if (File.Exists(current)) return _index = TenantIndex.Create(Path.Combine(tenantPath, File.ReadAllText(current).Trim()), OpenMode.CREATE_OR_APPEND);
                if (!create) return null;
                System.IO.Directory.CreateDirectory(tenantPath);
                const string first = "g0";
                _index = TenantIndex.Create(Path.Combine(tenantPath, first), OpenMode.CREATE_OR_APPEND);
                File.WriteAllText(current, first);
                return _index;
            }
        }

        /// <summary>Called under the write lock.</summary>
        public void Replace(TenantIndex index)
        {
            var old = _index;
            _index = index;
            old?.Dispose();
        }

        public void Close()
        {
            _index?.Dispose();
            _index = null;
        }
    }

    private sealed class TenantIndex(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, string path) : IDisposable
    {
        public IndexWriter Writer { get; } = writer;
        public SearcherManager Searchers { get; } = searchers;
        public string Path { get; } = path;

        public static TenantIndex Create(string path, OpenMode mode)
        {
            var directory = FSDirectory.Open(path);
            var config = new IndexWriterConfig(CrmAnalyzer.Version, CrmAnalyzer.ForIndex) { OpenMode = mode, RAMBufferSizeMB = 64 };
            var writer = new IndexWriter(directory, config);
            writer.Commit(); // an empty index is a valid index: readers can open it at once
            return new TenantIndex(directory, writer, new SearcherManager(writer, applyAllDeletes: true, null), path);
        }

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            directory.Dispose();
        }
    }

    private sealed class Build(LuceneSearchIndex owner, Guid tenantId, string generation, TenantIndex index) : ISearchIndexBuild
    {
        private bool _swapped;

        public Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
        {
            var fields = new LuceneFieldPool();
            foreach (var document in documents) index.Writer.AddDocument(LuceneDocuments.ToLucene(document, fields)); // a fresh index: sources list each record once
            return Task.CompletedTask;
        }

        public Task SwapAsync(CancellationToken cancellationToken)
        {
            index.Writer.Commit();
            index.Searchers.MaybeRefreshBlocking();
            var slot = owner.Slot(tenantId);
            var tenantPath = owner.TenantPath(tenantId);
            slot.Lock.EnterWriteLock();
            try
            {
                var temp = Path.Combine(tenantPath, CurrentFile + ".tmp");
                File.WriteAllText(temp, generation);
                File.Move(temp, Path.Combine(tenantPath, CurrentFile), overwrite: true);
                slot.Replace(index);
                _swapped = true;
            }
            finally
            {
                slot.Lock.ExitWriteLock();
            }
            foreach (var old in System.IO.Directory.GetDirectories(tenantPath).Where(d => System.IO.Path.GetFileName(d) != generation))
            {
                try { System.IO.Directory.Delete(old, recursive: true); } catch (IOException) { /* swept on the next rebuild */ }
            }
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_swapped)
            {
                index.Dispose();
                try { System.IO.Directory.Delete(index.Path, recursive: true); } catch (IOException) { /* best effort */ }
            }
            return ValueTask.CompletedTask;
        }
    }
}
