using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Queries;
using SaasCrm.Search.Analysis;

namespace SaasCrm.Search.Engines.Lucene;

/// <summary>Maps search documents to Lucene documents and query plans to Lucene queries.</summary>
internal static class LuceneDocuments
{
    /// <summary>The Lucene document for <paramref name="d"/>, with indexed fields from <paramref name="fields"/>: add it
    /// before building the next one from the same pool.</summary>
    public static Document ToLucene(SearchDocument d, LuceneFieldPool fields)
    {
        fields.NextDocument();
        var doc = new Document
        {
            fields.String(IndexFields.Key, IndexFields.KeyOf(d), Field.Store.YES),
            fields.String(IndexFields.Type, d.DocumentType, Field.Store.YES),
            fields.String(IndexFields.Id, d.Id.ToString("N"), Field.Store.YES),
            new StoredField(IndexFields.Version, d.Version),
            new TextField(IndexFields.Title, d.Title, Field.Store.YES),
            fields.String(IndexFields.TitleExact, d.Title.Trim().ToLowerInvariant(), Field.Store.NO),
        };
        if (d.Subtitle is not null) doc.Add(new StoredField(IndexFields.Subtitle, d.Subtitle));
        if (d.Link is not null) doc.Add(new StoredField(IndexFields.Link, d.Link));
        foreach (var (name, value) in d.Text)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            doc.Add(new TextField(IndexFields.Text, value, Field.Store.NO));
            doc.Add(new StoredField(IndexFields.StoredTextPrefix + name, value));
        }
        foreach (var identifier in d.Identifiers) doc.Add(new StoredField(IndexFields.StoredIdentifiers, identifier));
        if (fields.Terms(IndexFields.Identifiers, IdentifierTerms.For(d.Identifiers)) is { } identifiers) doc.Add(identifiers);
        foreach (var (name, value) in d.Filters)
        {
            if (value is not null) doc.Add(fields.String(IndexFields.Filter(name), value, Field.Store.NO));
        }
        return doc;
    }

    public static SearchIndexHit ToHit(Document doc, float score)
    {
        var text = new Dictionary<string, string>();
        foreach (var field in doc.Fields)
        {
            if (field.Name.StartsWith(IndexFields.StoredTextPrefix, StringComparison.Ordinal)) text[field.Name[IndexFields.StoredTextPrefix.Length..]] = field.GetStringValue();
        }
        return new SearchIndexHit(
            doc.Get(IndexFields.Type), Guid.ParseExact(doc.Get(IndexFields.Id), "N"), score, doc.Get(IndexFields.Title),
            doc.Get(IndexFields.Subtitle), doc.Get(IndexFields.Link), text, doc.GetValues(IndexFields.StoredIdentifiers),
            doc.GetField(IndexFields.Version).GetInt64Value() ?? 0);
    }

    /// <param name="withoutFilter">A filter field left out (facet counts ignore the filter on their own field).</param>
    public static Query ToQuery(SearchIndexQuery q, string? withoutFilter = null)
    {
        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(IndexFields.Type, q.DocumentType)) { Boost = 0 }, Occur.MUST },
        };
        if (q.MatchAny)
        {
            // Any term: each matching term adds to the score, so texts sharing more of the words rank first.
            var any = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = 1 };
            foreach (var term in q.Plan.Terms) any.Add(TermQuery(term), Occur.SHOULD);
            query.Add(any, Occur.MUST);
        }
        else
        {
            foreach (var term in q.Plan.Terms) query.Add(TermQuery(term), Occur.MUST);
        }
        var phrase = string.Join(' ', q.Plan.Terms.Select(t => t.Term));
        query.Add(new TermQuery(new Term(IndexFields.TitleExact, phrase)) { Boost = IndexFields.ExactTitleBoost }, Occur.SHOULD);
        foreach (var (name, value) in q.Filters.Where(f => f.Key != withoutFilter))
            query.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Filter(name), value))) { Boost = 0 }, Occur.MUST);
        if (q.Scope.AnyOf is { } anyOf)
        {
            var terms = anyOf.SelectMany(kv => kv.Value.Select(v => new Term(IndexFields.Filter(kv.Key), v))).ToList();
            // An empty scope sees nothing: a filter with no terms matches no document.
            query.Add(terms.Count == 0 ? new TermQuery(new Term(IndexFields.Key, "\u0000none")) : new ConstantScoreQuery(new TermsFilter(terms)) { Boost = 0 }, Occur.MUST);
        }
        return query;
    }

    /// <summary>One query term: matched in any field (SHOULD), the name weighed most.</summary>
    private static Query TermQuery(QueryTerm term)
    {
        var any = new BooleanQuery(disableCoord: true);
        switch (term.Kind)
        {
            case QueryTermKind.Cjk:
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Title, term.Term)), IndexFields.TitleBoost), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Text, term.Term)), IndexFields.TextBoost), Occur.SHOULD);
                break;
            case QueryTermKind.Digits:
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Identifiers, term.Term)), IndexFields.IdentifierBoost), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Title, term.Term)), IndexFields.TitleBoost), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Text, term.Term)), IndexFields.TextBoost), Occur.SHOULD);
                break;
            case QueryTermKind.Email:
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Identifiers, term.Term)), IndexFields.IdentifierBoost), Occur.SHOULD);
                any.Add(Boosted(new PrefixQuery(new Term(IndexFields.Identifiers, term.Term)), IndexFields.IdentifierBoost / 2), Occur.SHOULD);
                break;
            case QueryTermKind.Word:
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Title, term.Term)), IndexFields.TitleBoost), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Text, term.Term)), IndexFields.TextBoost), Occur.SHOULD);
                any.Add(Boosted(new TermQuery(new Term(IndexFields.Identifiers, term.Term)), IndexFields.IdentifierBoost), Occur.SHOULD);
                if (term.AllowsPrefix)
                {
                    any.Add(Boosted(new PrefixQuery(new Term(IndexFields.Title, term.Term)), IndexFields.TitleBoost / 2), Occur.SHOULD);
                    any.Add(Boosted(new PrefixQuery(new Term(IndexFields.Text, term.Term)), IndexFields.TextBoost / 2), Occur.SHOULD);
                    any.Add(Boosted(new PrefixQuery(new Term(IndexFields.Identifiers, term.Term)), IndexFields.IdentifierBoost / 2), Occur.SHOULD);
                }
                if (term.MaxEdits > 0)
                {
                    any.Add(Boosted(new FuzzyQuery(new Term(IndexFields.Title, term.Term), term.MaxEdits, prefixLength: 1), IndexFields.TitleBoost / 4), Occur.SHOULD);
                    any.Add(Boosted(new FuzzyQuery(new Term(IndexFields.Text, term.Term), term.MaxEdits, prefixLength: 1), IndexFields.TextBoost / 4), Occur.SHOULD);
                }
                break;
        }
        return any;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
