using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>
/// Ready-made terms indexed as one field, as they are, each matched whole. One token stream per document: a
/// <see cref="StringField"/> per term built a token stream and its attributes per term, and a phone's digit n-grams are
/// dozens per number (most of indexing's time went there, profiled).
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    /// <summary>Indexed like a <see cref="StringField"/> that is not stored: documents only, no norms.</summary>
    private static readonly FieldType Type = CreateType();

    private readonly IReadOnlyCollection<string> terms;
    private readonly ICharTermAttribute term;
    private IEnumerator<string>? next;

    private TermListTokenStream(IReadOnlyCollection<string> terms)
    {
        this.terms = terms;
        term = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>The field holding all the terms; null when there are none.</summary>
    public static Field? FieldOf(string name, IReadOnlyCollection<string> terms) =>
        terms.Count == 0 ? null : new Field(name, new TermListTokenStream(terms), Type);

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
        next = terms.GetEnumerator();
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
