using Lucene.Net.Documents;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>
/// Indexed fields reused from one document to the next within one write batch (one thread). A field keeps its token
/// stream and attributes, whose creation (a lock and a lookup per attribute) took a large share of indexing when each
/// document made its own (profiled); Lucene lets a field be reused once the document holding it has been added.
/// Stored-only and analysed text fields are made anew: they build no token stream of their own.
/// </summary>
internal sealed class LuceneFieldPool
{
    private readonly Dictionary<(string Name, Field.Store Store), List<StringField>> _strings = [];
    private readonly Dictionary<(string Name, Field.Store Store), int> _taken = [];
    private readonly Dictionary<string, (Field Field, TermListTokenStream Stream)> _termLists = [];

    /// <summary>Starts the next document: every pooled field may be handed out again.</summary>
    public void NextDocument() => _taken.Clear();

    /// <summary>A <see cref="StringField"/> holding <paramref name="value"/>, not yet used in the current document.</summary>
    public StringField String(string name, string value, Field.Store store)
    {
        var key = (name, store);
        var index = _taken.GetValueOrDefault(key);
        _taken[key] = index + 1;
        if (!_strings.TryGetValue(key, out var fields)) _strings[key] = fields = [];
        if (index < fields.Count)
        {
            fields[index].SetStringValue(value);
            return fields[index];
        }
        var field = new StringField(name, value, store);
        fields.Add(field);
        return field;
    }

    /// <summary>The field holding all these terms (one per name and document); null when there are none.</summary>
    public Field? Terms(string name, IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0) return null;
        if (!_termLists.TryGetValue(name, out var pooled)) _termLists[name] = pooled = TermListTokenStream.NewField(name);
        pooled.Stream.Terms = terms;
        return pooled.Field;
    }
}
