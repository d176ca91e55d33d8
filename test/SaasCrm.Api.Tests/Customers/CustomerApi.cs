using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Customers;

/// <summary>Shortcuts for customer tests: create a customer through the API and read ids back.</summary>
public static class CustomerApi
{
    public static async Task<JsonNode> CreateAsync(ApiClient client, string name, string[]? phones = null, string[]? emails = null,
        string? level = null, string[]? tags = null, object[]? contacts = null, string? duplicateReason = null, Guid? ownerId = null)
        => await client.PostOk("/api/customers", new
        {
            kind = "Company", name, phones = phones ?? [], emails = emails ?? [], tags = tags ?? [], levelCode = level,
            contacts, duplicateReason, ownerId,
        }, HttpStatusCode.Created);

    public static async Task<Guid> CreateIdAsync(ApiClient client, string name, params string[] phones) =>
        (await CreateAsync(client, name, phones: phones))["id"]!.GetValue<Guid>();

    public static async Task<List<string>> ListNamesAsync(ApiClient client, string query = "")
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetOk($"/api/customers?pageSize=200{query}{(cursor is null ? "" : "&cursor=" + cursor)}");
            names.AddRange(page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return names;
    }
}
