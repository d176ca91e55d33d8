using System.Net;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Import.ImportFiles;

namespace SaasCrm.Api.Tests.Export;

public abstract class CustomerExportTests(ApiFixture api)
{
    private static readonly string?[] Columns = ["客户名称", "客户级别", "负责人", "备注", "预算"];

    private async Task<TenantScenario> ArrangeAsync()
    {
        var t = await TenantScenario.CreateAsync(api, "exp");
        await t.Admin.PostOk("/api/custom-fields", new { entityType = "customer", name = "budget", labelEn = "Budget", labelZh = "预算", fieldType = "Number" }, HttpStatusCode.Created);
        await t.CreateUserAsync("rep1", "sales");
        await t.CreateUserAsync("rep2", "sales");
        var batch = await ImportAsync(t.Admin, Csv(
        [
            Columns,
            ["Alpha", "a", "rep1", "=HYPERLINK(\"http://evil\",\"x\")", "1200.5"],
            ["Beta", "c", "rep2", "+1 call back", null],
            ["@Gamma", "b", "rep1", "-2+3", "7"],
        ]), "seed.csv");
        Assert.Equal(3, batch["created"]!.GetValue<int>());
        return t;
    }

    private static async Task<byte[]> ExportAsync(ApiClient client, object body, string mediaType)
    {
        var response = await client.PostAsync("/api/customer-exports", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Csv_and_xlsx_carry_dictionary_labels_custom_fields_and_neutralised_formulas()
    {
        var t = await ArrangeAsync();
        string[] columns = ["name", "level", "owner", "remark", "cf.budget"];

        var csv = ReadCsv(await ExportAsync(t.Admin, new { format = "Csv", columns, language = "en-US" }, "text/csv"));
        Assert.Equal("Customer name|Level|Owner|Remark|Budget", string.Join("|", csv[0]));
        var alpha = csv.Single(r => r[0] == "Alpha");
        Assert.Equal("Alpha|A – key|rep1|'=HYPERLINK(\"http://evil\",\"x\")|1200.5", string.Join("|", alpha));
        Assert.Equal("'+1 call back", csv.Single(r => r[0] == "Beta")[3]);
        var gamma = csv.Single(r => r[0] == "'@Gamma");
        Assert.Equal("'-2+3", gamma[3]);

        var xlsx = ReadXlsx(await ExportAsync(t.Admin, new { format = "Xlsx", columns, language = "zh-CN" },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal("客户名称|客户级别|负责人|备注|预算", string.Join("|", xlsx[0]));
        var alphaZh = xlsx.Single(r => r[0] == "Alpha");
        Assert.Equal("A 重点客户", alphaZh[1]);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", alphaZh[3]);
        Assert.Equal(1200.5, double.Parse(alphaZh[4]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, xlsx.Count);
    }

    [Fact]
    public async Task An_export_of_the_filtered_list_holds_what_the_list_shows()
    {
        var t = await ArrangeAsync();
        // Two levels and a custom-field filter: the list's own query string.
        const string query = "level=a&level=b&cf.budget=gte:5";
        var listed = (await t.Admin.GetOk($"/api/customers?{query}&sort=name"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["@Gamma", "Alpha"], listed.Order(StringComparer.Ordinal));

        var rows = ReadCsv(await ExportAsync(t.Admin, new { format = "Csv", columns = new[] { "name" }, filter = new { query } }, "text/csv"));
        Assert.Equal(["'@Gamma", "Alpha"], rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));

        var bad = await t.Admin.PostAsync("/api/customer-exports", new { format = "Csv", filter = new { query = "ownerId=nobody" } });
        await ApiClient.ExpectProblem(bad, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_sales_rep_exports_only_the_customers_they_may_see()
    {
        var t = await ArrangeAsync();
        var rep1 = await t.LoginAsync("rep1");
        var rows = ReadCsv(await ExportAsync(rep1, new { format = "Csv", columns = new[] { "name", "owner" }, language = "en-US" }, "text/csv"));
        Assert.Equal(["'@Gamma", "Alpha"], rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));

        // Naming another's customer by id does not widen it.
        var all = ReadCsv(await ExportAsync(t.Admin, new { format = "Csv", columns = new[] { "name" } }, "text/csv"));
        Assert.Equal(4, all.Count);
        var unknownColumn = await rep1.PostAsync("/api/customer-exports", new { format = "Csv", columns = new[] { "password" } });
        await ApiClient.ExpectProblem(unknownColumn, HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class CustomerExportTestsSqlite(SqliteApi api) : CustomerExportTests(api), IClassFixture<SqliteApi>;

public sealed class CustomerExportTestsMariaDb(MariaDbApi api) : CustomerExportTests(api), IClassFixture<MariaDbApi>;
