using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Search.Indexing;
using static SaasCrm.Api.Tests.Import.ImportFiles;

namespace SaasCrm.Api.Tests.Import;

public abstract class CustomerImportTests(ApiFixture api)
{
    [Fact]
    public async Task Gb18030_csv_shows_headers_and_samples_and_the_users_mapping_is_reused_for_the_same_headers()
    {
        var t = await TenantScenario.CreateAsync(api, "imp");
        string?[][] rows = [["公司", "级别", "座机号码"], ["上海星辰科技有限公司", "A 重点客户", "021-55501234"]];
        var upload = await UploadOk(t.Admin, Csv(rows, Encoding.GetEncoding("GB18030")), "客户.csv");
        Assert.Equal(["公司", "级别", "座机号码"], upload["headers"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal("上海星辰科技有限公司", upload["sampleRows"]![0]![0]!.GetValue<string>());
        Assert.False(upload["mappingReused"]!.GetValue<bool>());
        Assert.Null(upload["mapping"]!["座机号码"]); // no automatic match for this header

        var mapping = new Dictionary<string, string?> { ["公司"] = "name", ["级别"] = "level", ["座机号码"] = "phones" };
        var report = await t.Admin.PostOk($"/api/customer-imports/{upload["id"]}/dry-run", new { mapping });
        Assert.Equal(1, report["valid"]!.GetValue<int>());

        var again = await UploadOk(t.Admin, Csv(rows, new UTF8Encoding(false), bom: true), "again.csv");
        Assert.True(again["mappingReused"]!.GetValue<bool>());
        Assert.Equal("phones", again["mapping"]!["座机号码"]!.GetValue<string>());
        Assert.Equal("上海星辰科技有限公司", again["sampleRows"]![0]![0]!.GetValue<string>()); // UTF-8 with BOM reads the same
    }

    private static readonly string?[][] MixedRows =
    [
        Header,
        ["星辰科技", "A 重点客户", "13800138000", "info@xingchen.cn", null, "王伟", "13900001111", null],
        [null, "b", null, null, null, null, null, "no name"],
        ["坏邮箱公司", "c", null, "not-an-email", null, null, null, null],
        ["未知级别公司", "Platinum", null, null, null, null, null, null],
        ["既有客户有限公司", "b", null, null, null, null, null, "exists already"],
        ["星辰科技", null, null, null, null, "李娜", "13900002222", "second contact"],
        ["同号码公司", null, "138-0013-8000", null, null, null, null, "same phone as row 2"],
        ["Unknown Owner Ltd", "b", null, null, "nobody", null, null, null],
    ];

    private async Task<TenantScenario> TenantWithExistingCustomerAsync()
    {
        var t = await TenantScenario.CreateAsync(api, "imp");
        var seeded = await ImportAsync(t.Admin, Csv([Header, ["既有客户", "b", "02100000000", null, null, null, null, null]]), "seed.csv");
        Assert.Equal(1, seeded["created"]!.GetValue<int>());
        return t;
    }

    [Fact]
    public async Task Dry_run_reports_each_bad_row_with_field_and_code_and_duplicates_in_the_tenant_and_the_file()
    {
        var t = await TenantWithExistingCustomerAsync();
        var upload = await UploadOk(t.Admin, Xlsx(MixedRows), "customers.xlsx");
        Assert.Equal("Xlsx", upload["format"]!.GetValue<string>());
        var report = await t.Admin.PostOk($"/api/customer-imports/{upload["id"]}/dry-run", new { mapping = upload["mapping"] });

        Assert.Equal(8, report["total"]!.GetValue<int>());
        Assert.Equal(4, report["errors"]!.GetValue<int>());
        Assert.Equal(2, report["duplicates"]!.GetValue<int>());
        Assert.Equal(2, report["valid"]!.GetValue<int>()); // both rows of 星辰科技
        Assert.Equal(1, report["customers"]!.GetValue<int>());
        Assert.Equal(2, report["contacts"]!.GetValue<int>());
        var byRow = report["rows"]!.AsArray().ToDictionary(r => r!["row"]!.GetValue<int>(), r => r!);
        Assert.Equal("import.name_required", byRow[3]["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(("emails", "import.invalid_email"), (byRow[4]["errors"]![0]!["field"]!.GetValue<string>(), byRow[4]["errors"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal(("level", "dictionary.unknown_item"), (byRow[5]["errors"]![0]!["field"]!.GetValue<string>(), byRow[5]["errors"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal(("not-an-email", "Platinum"), (byRow[4]["errors"]![0]!["value"]!.GetValue<string>(), byRow[5]["errors"]![0]!["value"]!.GetValue<string>())); // shown beside the translated message
        Assert.Null(byRow[3]["errors"]![0]!["value"]);
        Assert.Equal("import.unknown_owner", byRow[9]["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Duplicate", byRow[6]["status"]!.GetValue<string>());
        Assert.Equal("既有客户", byRow[6]["duplicateOfName"]!.GetValue<string>()); // "有限公司" is ignored by the name check
        Assert.NotNull(byRow[6]["duplicateOfCustomerId"]);
        Assert.Equal(2, byRow[8]["duplicateOfRow"]!.GetValue<int>());
        Assert.Single(await CustomersAsync(api, t.Id)); // a dry run writes nothing
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_a_row_has_an_error()
    {
        var t = await TenantWithExistingCustomerAsync();
        var batch = await ImportAsync(t.Admin, Xlsx(MixedRows), "customers.xlsx", "AllOrNothing");
        Assert.Equal("Failed", batch["status"]!.GetValue<string>());
        Assert.Equal("import.has_errors", batch["failureCode"]!.GetValue<string>());
        Assert.Equal(0, batch["created"]!.GetValue<int>());
        Assert.Equal(4, batch["errors"]!.GetValue<int>());
        Assert.Single(await CustomersAsync(api, t.Id));
        Assert.Empty(await ContactsAsync(api, t.Id));
    }

    [Fact]
    public async Task Valid_rows_only_writes_the_rest_and_the_error_file_holds_the_rows_left_out()
    {
        var t = await TenantWithExistingCustomerAsync();
        var batch = await ImportAsync(t.Admin, Csv(MixedRows), "customers.csv");
        Assert.Equal("Completed", batch["status"]!.GetValue<string>());
        Assert.Equal((1, 2, 2, 4, 8), (batch["created"]!.GetValue<int>(), batch["contactsCreated"]!.GetValue<int>(), batch["skipped"]!.GetValue<int>(),
            batch["errors"]!.GetValue<int>(), batch["processed"]!.GetValue<int>()));

        var customers = await CustomersAsync(api, t.Id);
        var created = customers.Single(c => c.Name == "星辰科技");
        Assert.Equal("a", created.LevelCode); // the zh label was accepted
        Assert.Equal(["13800138000"], created.Phones);
        Assert.Equal(batch["id"]!.GetValue<Guid>(), created.ImportBatchId);
        var contacts = await ContactsAsync(api, t.Id);
        Assert.Equal(["李娜", "王伟"], contacts.Select(c => c.Name));
        Assert.True(contacts.Single(c => c.Name == "王伟").IsPrimary);
        var keys = await InTenantAsync(api, t.Id, db => db.Set<CustomerKey>().Where(k => k.CustomerId == created.Id).ToListAsync());
        Assert.Contains(keys, k => k.Kind == CustomerKeyKind.Phone && k.Value == "13800138000");
        Assert.Equal(1, await InTenantAsync(api, t.Id, db => db.Set<OwnershipRecord>().CountAsync(o => o.CustomerId == created.Id && o.Action == OwnershipAction.Created)));

        var errorFile = await t.Admin.Http.GetAsync($"/api/files/{batch["errorFileId"]}");
        Assert.Equal(HttpStatusCode.OK, errorFile.StatusCode);
        Assert.Equal("text/csv", errorFile.Content.Headers.ContentType?.MediaType);
        var errorRows = ReadCsv(await errorFile.Content.ReadAsByteArrayAsync());
        Assert.Equal(Header.Length + 1, errorRows[0].Length);
        Assert.Equal(7, errorRows.Count); // header + 4 errors + 2 duplicates
        var bad = errorRows.Single(r => r[0] == "坏邮箱公司");
        Assert.Equal("not-an-email", bad[3]);
        Assert.Contains("emails", bad[^1]);

        // Another tenant cannot download it, even with the id.
        var other = await TenantScenario.CreateAsync(api, "other");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/files/{batch["errorFileId"]}"), HttpStatusCode.NotFound, "not_found");
        // Nor can a user of the same tenant without the import permission who did not create it.
        await t.CreateUserAsync("rep", "sales");
        var rep = await t.LoginAsync("rep");
        await ApiClient.ExpectProblem(await rep.GetAsync($"/api/files/{batch["errorFileId"]}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_large_file_is_committed_by_a_job_whose_progress_the_batch_shows()
    {
        var t = await TenantScenario.CreateAsync(api, "imp");
        var rows = new List<string?[]> { Header };
        for (var i = 0; i < 2500; i++) rows.Add([$"批量客户{i:D5}", "b", $"1390000{i:D4}", $"c{i}@example.com", null, $"联系人{i}", null, null]);
        var upload = await UploadOk(t.Admin, Csv(rows), "big.csv");
        var accepted = await ApiClient.Expect(await t.Admin.PostAsync($"/api/customer-imports/{upload["id"]}/commit", new { mode = "AllOrNothing" }), HttpStatusCode.Accepted);
        Assert.Equal("Queued", accepted["status"]!.GetValue<string>());
        Assert.Equal(0, accepted["processed"]!.GetValue<int>());
        Assert.Equal(2500, accepted["total"]!.GetValue<int>());
        await ApiClient.ExpectProblem(await t.Admin.PostAsync($"/api/customer-imports/{upload["id"]}/commit", new { mode = "AllOrNothing" }), HttpStatusCode.Conflict, "import.already_committed");

        await api.RunJobsAsync();

        var done = await t.Admin.GetOk($"/api/customer-imports/{upload["id"]}");
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal((2500, 2500, 2500), (done["processed"]!.GetValue<int>(), done["created"]!.GetValue<int>(), done["contactsCreated"]!.GetValue<int>()));
        Assert.Equal(2500, (await CustomersAsync(api, t.Id)).Count);
        Assert.Equal(2500, await InTenantAsync(api, t.Id, db => db.Set<CustomerKey>().CountAsync(k => k.Kind == CustomerKeyKind.Email)));
    }

    [Fact]
    public async Task Revert_deletes_untouched_customers_and_keeps_an_edited_one_saying_why()
    {
        var t = await TenantScenario.CreateAsync(api, "imp");
        var batch = await ImportAsync(t.Admin, Csv([Header, ["甲公司", null, "13700000001", null, null, "张三", null, null], ["乙公司", null, null, null, null, null, null, null]]), "r.csv");
        Assert.Equal(2, batch["created"]!.GetValue<int>());
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await InTenantAsync(api, t.Id, async db =>
        {
            var edited = await db.Set<Customer>().SingleAsync(c => c.Name == "乙公司");
            edited.Remark = "called them";
            return await db.SaveChangesAsync();
        });

        var report = await t.Admin.PostOk($"/api/customer-imports/{batch["id"]}/revert");
        Assert.Equal(1, report["deleted"]!.GetValue<int>());
        Assert.Equal(1, report["contactsDeleted"]!.GetValue<int>());
        var kept = Assert.Single(report["kept"]!.AsArray());
        Assert.Equal("乙公司", kept!["name"]!.GetValue<string>());
        Assert.Equal(["modified"], kept["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["乙公司"], (await CustomersAsync(api, t.Id)).Select(c => c.Name));
        Assert.Empty(await ContactsAsync(api, t.Id));
        Assert.Equal(0, await InTenantAsync(api, t.Id, db => db.Set<CustomerKey>().CountAsync(k => k.Value == "13700000001")));
        Assert.Equal("Reverted", (await t.Admin.GetOk($"/api/customer-imports/{batch["id"]}"))["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await t.Admin.PostAsync($"/api/customer-imports/{batch["id"]}/revert"), HttpStatusCode.Conflict, "import.not_revertible");
    }

    [Fact]
    public async Task Imported_customers_and_their_contacts_are_found_once_the_log_is_applied_and_gone_after_a_revert()
    {
        var t = await TenantScenario.CreateAsync(api, "imp-search");
        var applier = api.Factory.Services.GetRequiredService<SearchIndexApplier>();
        await applier.ApplyAllAsync(); // the tenant's first pass builds its index from the database; later ones apply the log
        var batch = await ImportAsync(t.Admin, Csv([Header,
            ["青松物流有限公司", null, "13600000001", null, null, "欧阳娜", null, null],
            ["青松物流有限公司", null, null, null, null, "Harper Quill", null, null],
            ["Bluewater Freight", null, null, null, null, null, null, null]]), "s.csv");
        Assert.Equal((2, 2), (batch["created"]!.GetValue<int>(), batch["contactsCreated"]!.GetValue<int>()));
        await applier.ApplyAllAsync();

        Assert.Equal(["青松物流有限公司"], await TitlesAsync(t.Admin, "青松", "customer"));
        Assert.Equal(["青松物流有限公司"], await TitlesAsync(t.Admin, "quill", "customer")); // contact names are part of the customer
        Assert.Equal(["欧阳娜"], await TitlesAsync(t.Admin, "欧阳", "contact"));
        Assert.Equal(["Harper Quill"], await TitlesAsync(t.Admin, "harper", "contact"));
        Assert.Equal(["Bluewater Freight"], await TitlesAsync(t.Admin, "bluewater", "customer"));

        await t.Admin.PostOk($"/api/customer-imports/{batch["id"]}/revert");
        await applier.ApplyAllAsync();
        Assert.Empty(await TitlesAsync(t.Admin, "青松", "customer"));
        Assert.Empty(await TitlesAsync(t.Admin, "harper", "contact"));
        Assert.Empty(await TitlesAsync(t.Admin, "bluewater", "customer"));
    }

    private static async Task<List<string>> TitlesAsync(ApiClient client, string q, string type)
    {
        var body = await client.GetOk($"/api/search?q={Uri.EscapeDataString(q)}&types={type}&pageSize=50");
        var group = body["groups"]!.AsArray().SingleOrDefault(g => g!["type"]!.GetValue<string>() == type);
        return group is null ? [] : group["hits"]!.AsArray().Select(h => WebUtility.HtmlDecode(h!["title"]!.GetValue<string>().Replace("<em>", "").Replace("</em>", ""))).ToList();
    }

    [Fact]
    public async Task Uploads_are_checked_for_type_content_and_size()
    {
        var t = await TenantScenario.CreateAsync(api, "imp");
        var csv = Csv([Header, ["甲", null, null, null, null, null, null, null]]);
        await ApiClient.ExpectProblem(await UploadAsync(t.Admin, csv, "customers.txt"), HttpStatusCode.BadRequest, "validation_failed");
        var wrongType = await ApiClient.Expect(await UploadAsync(t.Admin, csv, "customers.exe"), HttpStatusCode.BadRequest);
        Assert.Contains("file.type_not_allowed", wrongType.ToJsonString());
        var mismatch = await ApiClient.Expect(await UploadAsync(t.Admin, csv, "customers.xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains("file.content_mismatch", mismatch.ToJsonString());
        var binary = await ApiClient.Expect(await UploadAsync(t.Admin, [0x4D, 0x5A, 0x00, 0x01, 0x02], "customers.csv"), HttpStatusCode.BadRequest);
        Assert.Contains("file.content_mismatch", binary.ToJsonString());
        var big = new byte[20 * 1024 * 1024 + 10];
        Array.Fill(big, (byte)'a');
        var tooLarge = await ApiClient.Expect(await UploadAsync(t.Admin, big, "big.csv"), HttpStatusCode.BadRequest);
        Assert.Contains("file.too_large", tooLarge.ToJsonString());

        // Without the import permission: 403.
        await t.CreateUserAsync("rep", "sales");
        var rep = await t.LoginAsync("rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(rep, csv, "customers.csv")).StatusCode);
    }
}

public sealed class CustomerImportTestsSqlite(SqliteApi api) : CustomerImportTests(api), IClassFixture<SqliteApi>;

public sealed class CustomerImportTestsMariaDb(MariaDbApi api) : CustomerImportTests(api), IClassFixture<MariaDbApi>;
