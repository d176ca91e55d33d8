using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SaasCrm.Search.Engines.Elasticsearch;

/// <summary>
/// Elasticsearch over its REST API: one index per tenant behind an alias ({prefix}-t-{tenant}); a rebuild creates
/// a new concrete index and moves the alias in one _aliases call. Writes carry the document version with
/// version_type external_gte, so the cluster itself refuses an older version over a newer one.
/// </summary>
public sealed class ElasticsearchSearchIndex(HttpClient http, ElasticsearchOptions options, TimeProvider clock) : ISearchIndex
{
    public string Alias(Guid tenantId)
    {
        if (tenantId == Guid.Empty) throw new ArgumentException("A search index always belongs to a tenant.", nameof(tenantId));
        return $"{options.IndexPrefix}-t-{tenantId:N}";
    }

    public async Task ApplyAsync(Guid tenantId, IReadOnlyList<SearchDocument> upserts, IReadOnlyList<DocumentKey> deletes, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0 && deletes.Count == 0) return;
        var alias = await EnsureIndexAsync(tenantId, cancellationToken);
        await BulkAsync(ElasticsearchRequests.Bulk(alias, upserts, deletes, versioned: true), cancellationToken);
    }

    public async Task<SearchIndexResult> SearchAsync(Guid tenantId, SearchIndexQuery query, CancellationToken cancellationToken)
    {
        if (query.Plan.IsEmpty || query.Take <= 0) return new SearchIndexResult(0, []);
        using var response = await SendAsync(HttpMethod.Post, $"/{Alias(tenantId)}/_search", Json(ElasticsearchRequests.Search(query)), cancellationToken, allowNotFound: true);
        if (response.StatusCode == HttpStatusCode.NotFound) return new SearchIndexResult(0, []); // nothing indexed yet
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        var hits = body["hits"]!;
        var list = hits["hits"]!.AsArray().Select(h => ToHit(h!)).ToList();
        var facets = query.FacetField is null ? null : ElasticsearchRequests.ParseFacets(body) ?? new Dictionary<string, long>();
        return new SearchIndexResult(hits["total"]?["value"]?.GetValue<long>() ?? list.Count, list, facets);
    }

    public async Task<ISearchIndexBuild> BeginRebuildAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var alias = Alias(tenantId);
        var index = $"{alias}-{clock.GetUtcNow():yyyyMMddHHmmssfff}";
        var create = ElasticsearchRequests.CreateIndex(alias, options.Shards, options.Replicas);
        create.Remove("aliases"); // the alias moves on swap
        using var _ = await SendAsync(HttpMethod.Put, $"/{index}", Json(create), cancellationToken);
        return new Build(this, alias, index);
    }

    public async Task DeleteTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        foreach (var index in await IndexesOfAliasAsync(Alias(tenantId), cancellationToken))
        {
            using var _ = await SendAsync(HttpMethod.Delete, $"/{index}", null, cancellationToken, allowNotFound: true);
        }
    }

    public async Task<IReadOnlyList<Guid>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/_alias/{options.IndexPrefix}-t-*", null, cancellationToken, allowNotFound: true);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var prefix = $"{options.IndexPrefix}-t-";
        return body.SelectMany(index => index.Value?["aliases"]?.AsObject().Select(a => a.Key) ?? [])
            .Where(a => a.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => Guid.TryParseExact(a[prefix.Length..], "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
    }

    /// <summary>Creates the tenant's first index with its alias when there is none.</summary>
    private async Task<string> EnsureIndexAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var alias = Alias(tenantId);
        using (var head = await SendAsync(HttpMethod.Head, $"/_alias/{alias}", null, cancellationToken, allowNotFound: true))
        {
            if (head.StatusCode != HttpStatusCode.NotFound) return alias;
        }
        var index = $"{alias}-{clock.GetUtcNow():yyyyMMddHHmmssfff}";
        using var created = await SendAsync(HttpMethod.Put, $"/{index}", Json(ElasticsearchRequests.CreateIndex(alias, options.Shards, options.Replicas)), cancellationToken, allowConflict: true);
        return alias;
    }

    private async Task<IReadOnlyList<string>> IndexesOfAliasAsync(string alias, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/_alias/{alias}", null, cancellationToken, allowNotFound: true);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject().Select(kv => kv.Key).ToList();
    }

    private async Task BulkAsync(string ndjson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await SendAsync(HttpMethod.Post, "/_bulk?refresh=wait_for", content, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        if (body["errors"]?.GetValue<bool>() != true) return;
        // 409 is a version conflict: the index already holds a newer version, which is the point. Anything else fails the batch.
        var failed = body["items"]!.AsArray().Select(i => i!.AsObject().First().Value!)
            .Where(r => r["status"]!.GetValue<int>() is >= 300 and not 409 and not 404).ToList();
        if (failed.Count > 0) throw new HttpRequestException($"Elasticsearch bulk failed for {failed.Count} items: {failed[0]["error"]?.ToJsonString()}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool allowNotFound = false, bool allowConflict = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (options.ApiKey is { } key) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        else if (options.UserName is { } user)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")));
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || allowNotFound && response.StatusCode == HttpStatusCode.NotFound
            || allowConflict && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict) return response; // 400 resource_already_exists when two nodes race
        var error = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new HttpRequestException($"Elasticsearch {method} {path} answered {(int)response.StatusCode}: {error}", null, response.StatusCode);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static SearchIndexHit ToHit(JsonNode hit)
    {
        var source = hit["_source"]!;
        var stored = source["stored"];
        var text = stored?["text"]?.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()) ?? [];
        var identifiers = stored?["identifiers"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];
        return new SearchIndexHit(source[IndexFields.Type]!.GetValue<string>(), Guid.ParseExact(source[IndexFields.Id]!.GetValue<string>(), "N"),
            hit["_score"]?.GetValue<double>() ?? 0, source[IndexFields.Title]!.GetValue<string>(), stored?["subtitle"]?.GetValue<string>(),
            stored?["link"]?.GetValue<string>(), text, identifiers, source[IndexFields.Version]!.GetValue<long>());
    }

    private sealed class Build(ElasticsearchSearchIndex owner, string alias, string index) : ISearchIndexBuild
    {
        private bool _swapped;

        public Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken) =>
            documents.Count == 0 ? Task.CompletedTask : owner.BulkAsync(ElasticsearchRequests.Bulk(index, documents, [], versioned: true), cancellationToken);

        /// <summary>One _aliases call: the alias points at the new index and the old indexes go, atomically.</summary>
        public async Task SwapAsync(CancellationToken cancellationToken)
        {
            var old = await owner.IndexesOfAliasAsync(alias, cancellationToken);
            var actions = new JsonArray { new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = alias } } };
            foreach (var o in old.Where(o => o != index)) actions.Add(new JsonObject { ["remove_index"] = new JsonObject { ["index"] = o } });
            using var _ = await owner.SendAsync(HttpMethod.Post, "/_aliases", Json(new JsonObject { ["actions"] = actions }), cancellationToken);
            _swapped = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_swapped)
            {
                using var _ = await owner.SendAsync(HttpMethod.Delete, $"/{index}", null, CancellationToken.None, allowNotFound: true);
            }
        }
    }
}
