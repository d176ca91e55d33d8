using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class AuditTests(ApiFixture api)
{
    private static JsonArray Changes(JsonNode page) => page["items"]!.AsArray();

    [Fact]
    public async Task Every_change_of_a_record_is_kept_with_who_when_field_old_and_new_value()
    {
        var tenant = await TenantScenario.CreateAsync(api, "audit");
        await tenant.CreateUserAsync("rep", "sales");
        var rep = await tenant.LoginAsync("rep");
        var note = await TenantScenario.CreateNoteAsync(rep, "First title", 10);
        var id = note["id"]!.GetValue<Guid>();
        await rep.PutOk($"/api/probe-notes/{id}", new { title = "Second title", amount = 10, concurrencyStamp = note["concurrencyStamp"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.NoContent, (await rep.DeleteAsync($"/api/probe-notes/{id}")).StatusCode);

        var history = Changes(await tenant.Admin.GetOk($"/api/audit/entity-changes?entityType=ProbeNote&entityId={id}"));
        Assert.Equal(["Deleted", "Updated", "Created"], history.Select(c => c!["changeType"]!.GetValue<string>()));
        Assert.All(history, c => Assert.Equal("rep", c!["userName"]!.GetValue<string>()));

        var update = history[1]!["propertyChanges"]!.AsArray().Single();
        Assert.Equal("Title", update!["propertyName"]!.GetValue<string>());
        Assert.Equal("First title", update["oldValue"]!.GetValue<string>());
        Assert.Equal("Second title", update["newValue"]!.GetValue<string>());

        var created = history[2]!["propertyChanges"]!.AsArray().Select(p => p!["propertyName"]!.GetValue<string>()).ToList();
        Assert.Contains("Title", created);
        Assert.Contains("Amount", created);
        Assert.DoesNotContain("ConcurrencyStamp", created);
        Assert.DoesNotContain("TenantId", created);
    }

    [Fact]
    public async Task User_changes_are_logged_without_secrets_and_history_is_tenant_isolated()
    {
        var a = await TenantScenario.CreateAsync(api, "audit");
        var b = await TenantScenario.CreateAsync(api, "audit");
        var userId = await a.CreateUserAsync("rep", "sales");

        var history = Changes(await a.Admin.GetOk($"/api/audit/entity-changes?entityType=AppUser&entityId={userId}"));
        var fields = history.Single()!["propertyChanges"]!.AsArray().Select(p => p!["propertyName"]!.GetValue<string>()).ToList();
        Assert.Contains("UserName", fields);
        Assert.DoesNotContain("PasswordHash", fields);
        Assert.DoesNotContain("SecurityStamp", fields);

        Assert.Empty(Changes(await b.Admin.GetOk($"/api/audit/entity-changes?entityType=AppUser&entityId={userId}")));
    }

    [Fact]
    public async Task History_pages_with_a_cursor_without_gaps_or_repeats()
    {
        var tenant = await TenantScenario.CreateAsync(api, "audit");
        var note = await TenantScenario.CreateNoteAsync(tenant.Admin, "v0");
        var id = note["id"]!.GetValue<Guid>();
        var stamp = note["concurrencyStamp"]!.GetValue<string>();
        for (var i = 1; i <= 6; i++)
        {
            if (i % 2 == 0) api.Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // some changes share a timestamp, some do not
            stamp = (await tenant.Admin.PutOk($"/api/probe-notes/{id}", new { title = $"v{i}", amount = 0, concurrencyStamp = stamp }))["concurrencyStamp"]!.GetValue<string>();
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            Assert.True(++pages <= 10, "paging does not end");
            var page = await tenant.Admin.GetOk($"/api/audit/entity-changes?entityType=ProbeNote&entityId={id}&pageSize=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Changes(page).Select(c => c!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task Sign_ins_failures_and_role_changes_are_in_the_security_log()
    {
        var tenant = await TenantScenario.CreateAsync(api, "audit");
        await api.Anonymous().PostAsync("/api/account/login", new { tenant = tenant.Name, userName = "admin", password = "Wrong-pass1!" });
        await tenant.CreateUserAsync("rep", "sales");

        var actions = Changes(await tenant.Admin.GetOk("/api/audit/security-logs")).Select(l => l!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("login.succeeded", actions);
        Assert.Contains("login.failed", actions);
        Assert.Contains("user.roles_changed", actions);
    }
}

public sealed class AuditTestsSqlite(SqliteApi api) : AuditTests(api), IClassFixture<SqliteApi>;
public sealed class AuditTestsMariaDb(MariaDbApi api) : AuditTests(api), IClassFixture<MariaDbApi>;
