using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Api.Tests.Import;

/// <summary>Builds import files in the test and talks to the import API.</summary>
public static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Csv(IEnumerable<string?[]> rows, Encoding? encoding = null, bool bom = false)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text.ToString());
        return bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static byte[] Xlsx(IReadOnlyList<string?[]> rows)
    {
        var width = rows.Max(r => r.Length);
        var sheet = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => "c" + i, i => (object?)(i < r.Length ? r[i] : null))).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static List<string?[]> ReadXlsx(byte[] content) =>
        MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();

    public static List<string?[]> ReadCsv(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        using var reader = CsvHelper.CsvReader.Create(new StringReader(text), new CsvHelper.CsvReaderOptions { HasHeader = false });
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
            rows.Add(row);
        }
        return rows;
    }

    public static Task<HttpResponseMessage> UploadAsync(ApiClient client, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.Http.PostAsync("/api/customer-imports", form);
    }

    public static async Task<JsonNode> UploadOk(ApiClient client, byte[] content, string fileName) =>
        await ApiClient.Expect(await UploadAsync(client, content, fileName), System.Net.HttpStatusCode.Created);

    /// <summary>Uploads and commits with the proposed mapping; returns the finished batch.</summary>
    public static async Task<JsonNode> ImportAsync(ApiClient client, byte[] content, string fileName, string mode = "ValidRowsOnly")
    {
        var upload = await UploadOk(client, content, fileName);
        return await client.PostOk($"/api/customer-imports/{upload["id"]}/commit", new { mode });
    }

    public static async Task<T> InTenantAsync<T>(ApiFixture api, Guid tenantId, Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await work(scope.Services.GetRequiredService<PlatformDbContext>());
    }

    public static Task<List<Customer>> CustomersAsync(ApiFixture api, Guid tenantId) =>
        InTenantAsync(api, tenantId, db => db.Set<Customer>().AsNoTracking().OrderBy(c => c.Name).ToListAsync());

    public static Task<List<Contact>> ContactsAsync(ApiFixture api, Guid tenantId) =>
        InTenantAsync(api, tenantId, db => db.Set<Contact>().AsNoTracking().OrderBy(c => c.Name).ToListAsync());

    public static readonly string?[] Header =
        ["客户名称", "客户级别", "电话", "邮箱", "负责人", "联系人", "联系人手机", "备注"];
}
