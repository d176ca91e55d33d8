using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>
/// Ready-made terms indexed as one field, as they are, each matched whole. One token stream for all of them: a
/// <see cref="StringField"/> per term built a token stream and its attributes per term, and a phone's digit n-grams are
/// dozens per number (most of indexing's time went there, profiled).
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    /// <summary>Indexed like a <see cref="StringField"/> that is not stored: documents only, no norms.</summary>
    private static readonly FieldType Type = CreateType();

    private readonly ICharTermAttribute term;
    private IEnumerator<string>? next;

    private TermListTokenStream() => term = AddAttribute<ICharTermAttribute>();

    /// <summary>The terms the next document's field holds (set before the document is added).</summary>
    public IReadOnlyCollection<string> Terms { get; set; } = [];

    /// <summary>A field over a new stream; <see cref="LuceneFieldPool"/> reuses both for later documents.</summary>
    public static (Field Field, TermListTokenStream Stream) NewField(string name)
    {
        var stream = new TermListTokenStream();
        return (new Field(name, stream, Type), stream);
    }

    public override bool IncrementToken()
    {
        if (next is null || !next.MoveNext()) return false;
        ClearAttributes();
        term.SetEmpty().Append(next.Current);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        next = Terms.GetEnumerator();
    }

    private static FieldType CreateType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true, // a token stream's terms are indexed as given; nothing analyses them
            IsStored = false,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }
}
