using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SaasCrm.Search.Analysis;

namespace SaasCrm.Search.Engines.Elasticsearch;

/// <summary>
/// The JSON the adapter sends, built apart from HTTP so tests can check it against the documented REST format:
/// index creation (settings, analysis, mappings, alias), _bulk NDJSON with external versions, and _search bodies.
/// Analysis mirrors the Lucene engine: standard tokenizer, cjk_width, lowercase, cjk_bigram (with unigrams in the
/// index, without in queries); identifier n-grams are computed here and stored as keywords, as in Lucene.
/// </summary>
public static class ElasticsearchRequests
{
    public const string IndexAnalyzer = "crm_index", QueryAnalyzer = "crm_query";

    public static JsonObject CreateIndex(string alias, int shards, int replicas) => new()
    {
        ["settings"] = new JsonObject
        {
            ["number_of_shards"] = shards,
            ["number_of_replicas"] = replicas,
            ["analysis"] = new JsonObject
            {
                ["filter"] = new JsonObject
                {
                    ["crm_bigrams_unigrams"] = new JsonObject { ["type"] = "cjk_bigram", ["output_unigrams"] = true },
                    ["crm_bigrams"] = new JsonObject { ["type"] = "cjk_bigram", ["output_unigrams"] = false },
                },
                ["analyzer"] = new JsonObject
                {
                    [IndexAnalyzer] = Analyzer("crm_bigrams_unigrams"),
                    [QueryAnalyzer] = Analyzer("crm_bigrams"),
                },
            },
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "false",
            ["properties"] = new JsonObject
            {
                [IndexFields.Type] = Keyword(),
                [IndexFields.Id] = Keyword(),
                [IndexFields.Version] = new JsonObject { ["type"] = "long" },
                [IndexFields.Title] = new JsonObject { ["type"] = "text", ["analyzer"] = IndexAnalyzer, ["search_analyzer"] = QueryAnalyzer },
                [IndexFields.TitleExact] = Keyword(),
                [IndexFields.Text] = new JsonObject { ["type"] = "text", ["analyzer"] = IndexAnalyzer, ["search_analyzer"] = QueryAnalyzer },
                [IndexFields.Identifiers] = Keyword(),
                ["filters"] = new JsonObject { ["type"] = "object", ["dynamic"] = "true" },
                ["stored"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            },
            ["dynamic_templates"] = new JsonArray(new JsonObject
            {
                ["filters_as_keywords"] = new JsonObject { ["path_match"] = "filters.*", ["mapping"] = Keyword() },
            }),
        },
        ["aliases"] = new JsonObject { [alias] = new JsonObject() },
    };

    /// <summary>_bulk body: one action line and one source line per document, newline-terminated.</summary>
    public static string Bulk(string index, IReadOnlyList<SearchDocument> upserts, IReadOnlyList<DocumentKey> deletes, bool versioned)
    {
        var sb = new StringBuilder();
        foreach (var d in upserts)
        {
            var action = new JsonObject { ["_index"] = index, ["_id"] = IndexFields.KeyOf(d) };
            if (versioned)
            {
                // external_gte: the write wins only if its version is at least the stored one; an older re-read gets 409 and is dropped.
                action["version"] = d.Version;
                action["version_type"] = "external_gte";
            }
            sb.Append(new JsonObject { ["index"] = action }.ToJsonString()).Append('\n');
            sb.Append(Source(d).ToJsonString()).Append('\n');
        }
        foreach (var key in deletes)
        {
            sb.Append(new JsonObject { ["delete"] = new JsonObject { ["_index"] = index, ["_id"] = key.ToString() } }.ToJsonString()).Append('\n');
        }
        return sb.ToString();
    }

    public static JsonObject Source(SearchDocument d)
    {
        var filters = new JsonObject();
        foreach (var (name, value) in d.Filters) if (value is not null) filters[name] = value;
        var text = new JsonObject();
        foreach (var (name, value) in d.Text) if (!string.IsNullOrWhiteSpace(value)) text[name] = value;
        return new JsonObject
        {
            [IndexFields.Type] = d.DocumentType,
            [IndexFields.Id] = d.Id.ToString("N"),
            [IndexFields.Version] = d.Version,
            [IndexFields.Title] = d.Title,
            [IndexFields.TitleExact] = d.Title.Trim().ToLowerInvariant(),
            [IndexFields.Text] = new JsonArray(d.Text.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            [IndexFields.Identifiers] = new JsonArray(IdentifierTerms.For(d.Identifiers).Order(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            ["filters"] = filters,
            ["stored"] = new JsonObject
            {
                ["subtitle"] = d.Subtitle,
                ["link"] = d.Link,
                ["text"] = text,
                ["identifiers"] = new JsonArray(d.Identifiers.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            },
        };
    }

    /// <summary>The _search body: every plan term must match (bool.must), type, filters and scope as non-scoring filters.</summary>
    public static JsonObject Search(SearchIndexQuery q)
    {
        var must = new JsonArray();
        if (q.MatchAny)
        {
            var any = new JsonArray();
            foreach (var term in q.Plan.Terms) any.Add(TermClause(term));
            must.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = any, ["minimum_should_match"] = 1 } });
        }
        else
        {
            foreach (var term in q.Plan.Terms) must.Add(TermClause(term));
        }
        var filter = new JsonArray { Term(IndexFields.Type, q.DocumentType) };
        JsonObject? postFilter = null;
        foreach (var (name, value) in q.Filters)
        {
            // A filter on the facet field narrows the hits (post_filter) but not the counts, which list every value.
            if (name == q.FacetField) postFilter = Term(FilterField(name), value);
            else filter.Add(Term(FilterField(name), value));
        }
        if (q.Scope.AnyOf is { } anyOf)
        {
            var should = new JsonArray();
            foreach (var (field, values) in anyOf)
                should.Add(new JsonObject { ["terms"] = new JsonObject { [FilterField(field)] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()) } });
            filter.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } });
        }
        var phrase = string.Join(' ', q.Plan.Terms.Select(t => t.Term));
        var body = new JsonObject
        {
            ["from"] = q.Skip,
            ["size"] = q.Take,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["must"] = must,
                    ["filter"] = filter,
                    ["should"] = new JsonArray(new JsonObject { ["term"] = new JsonObject { [IndexFields.TitleExact] = new JsonObject { ["value"] = phrase, ["boost"] = IndexFields.ExactTitleBoost } } }),
                },
            },
        };
        if (postFilter is not null) body["post_filter"] = postFilter;
        if (q.FacetField is { } facet)
            body["aggs"] = new JsonObject { [FacetAggregation] = new JsonObject { ["terms"] = new JsonObject { ["field"] = FilterField(facet), ["size"] = MaxFacetValues } } };
        return body;
    }

    public const string FacetAggregation = "facet";
    public const int MaxFacetValues = 200;

    /// <summary>Counts per value from a _search answer's terms aggregation; null when the request asked for none.</summary>
    public static IReadOnlyDictionary<string, long>? ParseFacets(JsonNode response)
    {
        if (response["aggregations"]?[FacetAggregation]?["buckets"] is not JsonArray buckets) return null;
        return buckets.Where(b => b is not null).ToDictionary(b => b!["key"]!.ToString(), b => b!["doc_count"]!.GetValue<long>(), StringComparer.Ordinal);
    }

    public static string FilterField(string name) => name == SearchDocument.IdField ? IndexFields.Id : "filters." + name;

    private static JsonObject TermClause(QueryTerm term)
    {
        var should = new JsonArray();
        switch (term.Kind)
        {
            case QueryTermKind.Cjk:
                should.Add(TermBoost(IndexFields.Title, term.Term, IndexFields.TitleBoost));
                should.Add(TermBoost(IndexFields.Text, term.Term, IndexFields.TextBoost));
                break;
            case QueryTermKind.Digits:
                should.Add(TermBoost(IndexFields.Identifiers, term.Term, IndexFields.IdentifierBoost));
                should.Add(TermBoost(IndexFields.Title, term.Term, IndexFields.TitleBoost));
                should.Add(TermBoost(IndexFields.Text, term.Term, IndexFields.TextBoost));
                break;
            case QueryTermKind.Email:
                should.Add(TermBoost(IndexFields.Identifiers, term.Term, IndexFields.IdentifierBoost));
                should.Add(Prefix(IndexFields.Identifiers, term.Term, IndexFields.IdentifierBoost / 2));
                break;
            case QueryTermKind.Word:
                should.Add(TermBoost(IndexFields.Title, term.Term, IndexFields.TitleBoost));
                should.Add(TermBoost(IndexFields.Text, term.Term, IndexFields.TextBoost));
                should.Add(TermBoost(IndexFields.Identifiers, term.Term, IndexFields.IdentifierBoost));
                if (term.AllowsPrefix)
                {
                    should.Add(Prefix(IndexFields.Title, term.Term, IndexFields.TitleBoost / 2));
                    should.Add(Prefix(IndexFields.Text, term.Term, IndexFields.TextBoost / 2));
                    should.Add(Prefix(IndexFields.Identifiers, term.Term, IndexFields.IdentifierBoost / 2));
                }
                if (term.MaxEdits > 0)
                {
                    should.Add(Fuzzy(IndexFields.Title, term.Term, term.MaxEdits, IndexFields.TitleBoost / 4));
                    should.Add(Fuzzy(IndexFields.Text, term.Term, term.MaxEdits, IndexFields.TextBoost / 4));
                }
                break;
        }
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    private static JsonObject Analyzer(string bigramFilter) => new()
    {
        ["type"] = "custom",
        ["tokenizer"] = "standard",
        ["filter"] = new JsonArray("cjk_width", "lowercase", bigramFilter),
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };
    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };
    private static JsonObject TermBoost(string field, string value, float boost) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["boost"] = boost } } };
    private static JsonObject Prefix(string field, string value, float boost) =>
        new() { ["prefix"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["boost"] = boost } } };
    private static JsonObject Fuzzy(string field, string value, int edits, float boost) =>
        new() { ["fuzzy"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["fuzziness"] = edits, ["prefix_length"] = 1, ["boost"] = boost } } };

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
