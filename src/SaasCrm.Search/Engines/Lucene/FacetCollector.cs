using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>
/// Counts hits per value of one filter field. Filter fields are single-valued untokenized terms, so the field
/// cache's sorted terms index gives each document's value by ordinal without loading stored fields.
/// </summary>
internal sealed class FacetCollector(string field) : ICollector
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private SortedDocValues? _values;
    private long[] _segmentCounts = [];

    /// <summary>Set when the hits were collected in the same pass.</summary>
    public bool Done { get; set; }

    public IReadOnlyDictionary<string, long> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, field);
        _segmentCounts = new long[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        var ord = _values!.GetOrd(doc);
        if (ord >= 0) _segmentCounts[ord]++;
    }

    /// <summary>Turns the finished segment's counts by ordinal into counts by value.</summary>
    private void Flush()
    {
        if (_values is null) return;
        var term = new BytesRef();
        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] == 0) continue;
            _values.LookupOrd(ord, term);
            var value = term.Utf8ToString();
            _counts[value] = _counts.GetValueOrDefault(value) + _segmentCounts[ord];
        }
        _values = null;
        _segmentCounts = [];
    }
}
