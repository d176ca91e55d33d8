using System.Net;
using System.Text.Json.Nodes;

namespace SaasCrm.Api.Tests.Infrastructure;

/// <summary>A fresh tenant with its admin signed in, and helpers to staff it.</summary>
public sealed class TenantScenario
{
    private readonly ApiFixture _api;

    private TenantScenario(ApiFixture api, string name, Guid id, ApiClient admin)
    {
        _api = api;
        Name = name;
        Id = id;
        Admin = admin;
    }

    public string Name { get; }
    public Guid Id { get; }
    public ApiClient Admin { get; }

    public static async Task<TenantScenario> CreateAsync(ApiFixture api, string? prefix = null)
    {
        var host = await api.HostAdminAsync();
        var name = $"{prefix ?? "t"}-{Guid.NewGuid().ToString("N")[..10]}";
        var created = await host.PostOk("/api/host/tenants", new
        {
            name,
            displayName = $"Tenant {name}",
            adminUserName = "admin",
            adminPassword = CrmApiFactory.Password,
            adminEmail = "admin@example.com",
        }, HttpStatusCode.Created);
        var admin = await api.LoginAsync(name, "admin");
        return new TenantScenario(api, name, created["id"]!.GetValue<Guid>(), admin);
    }

    public async Task<Guid> RoleIdAsync(string roleName)
    {
        var roles = (await Admin.GetOk("/api/identity/roles")).AsArray();
        return roles.Single(r => r!["name"]!.GetValue<string>() == roleName)!["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> CreateDepartmentAsync(string name, Guid? parentId = null) =>
        (await Admin.PostOk("/api/departments", new { name, parentId }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    public async Task<Guid> CreateUserAsync(string userName, string role, params Guid[] departmentIds)
    {
        var body = await Admin.PostOk("/api/identity/users", new
        {
            userName,
            name = userName,
            email = $"{userName}@example.com",
            password = CrmApiFactory.Password,
            roleIds = new[] { await RoleIdAsync(role) },
            departmentIds,
        }, HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    public Task<ApiClient> LoginAsync(string userName) => _api.LoginAsync(Name, userName);

    public static async Task<JsonNode> CreateNoteAsync(ApiClient client, string title, decimal amount = 0) =>
        await client.PostOk("/api/probe-notes", new { title, amount }, HttpStatusCode.Created);
}
