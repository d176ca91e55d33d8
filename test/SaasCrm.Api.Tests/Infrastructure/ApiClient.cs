using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SaasCrm.Api.Tests.Infrastructure;

/// <summary>An HTTP client that remembers its tokens, with helpers that assert the status they expect.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;
    public string? AccessToken { get; private set; }
    public string? RefreshToken { get; private set; }

    public async Task LoginAsync(string? tenant, string userName, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/account/login", new { tenant, userName, password });
        var body = await Expect(response, HttpStatusCode.OK);
        UseTokens(body);
    }

    public void UseTokens(JsonNode body)
    {
        AccessToken = body["accessToken"]!.GetValue<string>();
        RefreshToken = body["refreshToken"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);
    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => Http.PostAsJsonAsync(url, body ?? new { }, Json);
    public Task<HttpResponseMessage> PutAsync(string url, object body) => Http.PutAsJsonAsync(url, body, Json);
    public Task<HttpResponseMessage> DeleteAsync(string url) => Http.DeleteAsync(url);

    public async Task<JsonNode> GetOk(string url) => await Expect(await GetAsync(url), HttpStatusCode.OK);
    public async Task<JsonNode> PostOk(string url, object? body = null, HttpStatusCode status = HttpStatusCode.OK) => await Expect(await PostAsync(url, body), status);
    public async Task<JsonNode> PutOk(string url, object body) => await Expect(await PutAsync(url, body), HttpStatusCode.OK);

    /// <summary>Uploads a file as the UI does (multipart, field "file"); returns the 201 answer's <c>fileId</c>.</summary>
    public async Task<Guid> UploadOk(string url, byte[] content, string fileName, string contentType = "text/csv")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return (await Expect(await Http.PostAsync(url, form), HttpStatusCode.Created))["fileId"]!.GetValue<Guid>();
    }

    /// <summary>A download's bytes, asserting 200.</summary>
    public async Task<byte[]> GetBytesOk(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task ExpectStatus(string url, HttpStatusCode status) =>
        Assert.True((await GetAsync(url)).StatusCode == status, $"{url} should answer {(int)status}");

    public static async Task<JsonNode> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a ProblemDetails answer with the given status and stable code.</summary>
    public static async Task<JsonNode> ExpectProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await Expect(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body["code"]?.GetValue<string>());
        return body;
    }
}
