using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>
/// Org: Sales (head: manager) → East (rep1), South (rep2); Service (svc). A record belongs to its creator.
/// </summary>
public abstract class DataScopeTests(ApiFixture api)
{
    private async Task<(TenantScenario Tenant, Dictionary<string, ApiClient> Users, Dictionary<string, Guid> Notes)> ArrangeAsync()
    {
        var tenant = await TenantScenario.CreateAsync(api, "scope");
        var sales = await tenant.CreateDepartmentAsync("Sales");
        var east = await tenant.CreateDepartmentAsync("East", sales);
        var south = await tenant.CreateDepartmentAsync("South", sales);
        var service = await tenant.CreateDepartmentAsync("Service");
        await tenant.CreateUserAsync("manager", "manager", sales);
        await tenant.CreateUserAsync("rep1", "sales", east);
        await tenant.CreateUserAsync("rep1b", "sales", east);
        await tenant.CreateUserAsync("rep2", "sales", south);
        await tenant.CreateUserAsync("svc", "service", service);

        var users = new Dictionary<string, ApiClient>();
        var notes = new Dictionary<string, Guid>();
        foreach (var name in new[] { "manager", "rep1", "rep1b", "rep2", "svc" })
        {
            users[name] = await tenant.LoginAsync(name);
            notes[name] = (await TenantScenario.CreateNoteAsync(users[name], $"note of {name}"))["id"]!.GetValue<Guid>();
        }
        return (tenant, users, notes);
    }

    private static async Task<List<string>> VisibleTitles(ApiClient client) =>
        (await client.GetOk("/api/probe-notes")).AsArray().Select(n => n!["title"]!.GetValue<string>()).Order().ToList();

    [Fact]
    public async Task Each_scope_sees_exactly_its_owners_records()
    {
        var (tenant, users, notes) = await ArrangeAsync();

        // Self: only their own.
        Assert.Equal(["note of rep1"], await VisibleTitles(users["rep1"]));
        // Department and children: the manager of Sales sees Sales, East and South, not Service.
        Assert.Equal(["note of manager", "note of rep1", "note of rep1b", "note of rep2"], await VisibleTitles(users["manager"]));
        // All: the admin sees everything.
        Assert.Equal(5, (await tenant.Admin.GetOk("/api/probe-notes")).AsArray().Count);

        // Outside the scope a record answers 404, as if it did not exist.
        await ApiClient.ExpectProblem(await users["rep1"].GetAsync($"/api/probe-notes/{notes["rep2"]}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await users["manager"].GetAsync($"/api/probe-notes/{notes["svc"]}"), HttpStatusCode.NotFound, "not_found");
        await users["manager"].GetOk($"/api/probe-notes/{notes["rep2"]}");
    }

    [Fact]
    public async Task Department_scope_sees_the_own_department_but_not_sub_departments()
    {
        var (tenant, users, _) = await ArrangeAsync();
        var role = await tenant.Admin.PostOk("/api/identity/roles", new { name = "team-lead", dataScope = "Department", permissions = new[] { "Probe.Notes" } }, HttpStatusCode.Created);
        var rep1 = (await tenant.Admin.GetOk("/api/identity/users?filter=rep1&sort=userName"))["items"]!.AsArray().First()!;
        await tenant.Admin.PutOk($"/api/identity/users/{rep1["id"]}", new
        {
            name = "rep1",
            email = "rep1@example.com",
            isActive = true,
            roleIds = new[] { role["id"]!.GetValue<Guid>() },
            departmentIds = rep1["departments"]!.AsArray().Select(d => d!["id"]!.GetValue<Guid>()),
            concurrencyStamp = rep1["concurrencyStamp"]!.GetValue<string>(),
        });

        Assert.Equal(["note of rep1", "note of rep1b"], await VisibleTitles(users["rep1"]));
    }

    [Fact]
    public async Task Moving_a_department_moves_its_members_into_the_new_parents_scope()
    {
        var (tenant, users, _) = await ArrangeAsync();
        var departments = (await tenant.Admin.GetOk("/api/departments")).AsArray();
        var south = departments.Single(d => d!["name"]!.GetValue<string>() == "South")!;
        var service = departments.Single(d => d!["name"]!.GetValue<string>() == "Service")!;

        await ApiClient.Expect(await tenant.Admin.PostAsync($"/api/departments/{south["id"]}/move", new
        {
            parentId = service["id"]!.GetValue<Guid>(),
            concurrencyStamp = south["concurrencyStamp"]!.GetValue<string>(),
        }), HttpStatusCode.OK);

        Assert.Equal(["note of manager", "note of rep1", "note of rep1b"], await VisibleTitles(users["manager"]));
        var members = (await tenant.Admin.GetOk($"/api/departments/{south["id"]}/members")).AsArray();
        Assert.Equal("rep2", members.Single()!["userName"]!.GetValue<string>());
        var moved = (await tenant.Admin.GetOk("/api/departments")).AsArray().Single(d => d!["name"]!.GetValue<string>() == "South")!;
        Assert.StartsWith(service["code"]!.GetValue<string>() + ".", moved["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_department_cannot_move_under_its_own_subtree()
    {
        var tenant = await TenantScenario.CreateAsync(api, "scope");
        var root = await tenant.CreateDepartmentAsync("Root");
        var child = await tenant.CreateDepartmentAsync("Child", root);
        var rootDto = await tenant.Admin.GetOk($"/api/departments/{root}");
        var response = await tenant.Admin.PostAsync($"/api/departments/{root}/move", new { parentId = child, concurrencyStamp = rootDto["concurrencyStamp"]!.GetValue<string>() });
        await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "department.move_into_own_subtree");
    }
}

public sealed class DataScopeTestsSqlite(SqliteApi api) : DataScopeTests(api), IClassFixture<SqliteApi>;
public sealed class DataScopeTestsMariaDb(MariaDbApi api) : DataScopeTests(api), IClassFixture<MariaDbApi>;
