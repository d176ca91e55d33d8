using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Service;

/// <summary>
/// The real host (workflow engine, business calendar, customer directory) with one addition: the real
/// <see cref="IWorkflowSignals"/> is wrapped by <see cref="RecordingWorkflowSignals"/>, so tests can check which
/// signals the service desk raised in its unit of work while the engine still receives every one of them.
/// </summary>
public static class ServiceTestHost
{
    private static readonly ConditionalWeakTable<ApiFixture, WebApplicationFactory<Program>> Hosts = new();

    public static WebApplicationFactory<Program> For(ApiFixture api) =>
        Hosts.GetValue(api, a => a.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(RecordingWorkflowSignals.Decorate)));

    public static async Task<ApiClient> LoginAsync(ApiFixture api, TenantScenario tenant, string userName, string password = CrmApiFactory.Password)
    {
        var client = new ApiClient(For(api).CreateClient());
        await client.LoginAsync(tenant.Name, userName, password);
        return client;
    }

    public static Task<int> RunJobsAsync(ApiFixture api) =>
        api.RunJobsAsync(For(api).Services.GetRequiredService<SaasCrm.Platform.BackgroundJobs.JobWorker>());
}

/// <summary>Records every signal the service desk raised, then hands it to the real implementation.</summary>
public sealed class RecordingWorkflowSignals(IWorkflowSignals inner) : IWorkflowSignals
{
    public sealed record Signal(string RecordType, Guid RecordId, string Kind, string? Detail, IReadOnlyCollection<string>? Fields, IReadOnlyDictionary<string, string?>? Data);

    public static readonly ConcurrentQueue<Signal> All = new();

    public static List<Signal> Of(Guid recordId) => All.Where(s => s.RecordId == recordId).ToList();

    /// <summary>Replaces the product's registration with this recorder around an instance of the product's implementation.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IWorkflowSignals));
        var type = real.ImplementationType ?? throw new InvalidOperationException("IWorkflowSignals is expected to be registered by type.");
        services.Remove(real);
        services.Add(new ServiceDescriptor(typeof(IWorkflowSignals),
            sp => new RecordingWorkflowSignals((IWorkflowSignals)ActivatorUtilities.CreateInstance(sp, type)), real.Lifetime));
    }

    public async Task RecordCreatedAsync(string recordType, Guid recordId, CancellationToken cancellationToken = default)
    {
        await inner.RecordCreatedAsync(recordType, recordId, cancellationToken);
        All.Enqueue(new(recordType, recordId, "created", null, null, null));
    }

    public async Task RecordUpdatedAsync(string recordType, Guid recordId, IReadOnlyCollection<string> changedFields, CancellationToken cancellationToken = default)
    {
        await inner.RecordUpdatedAsync(recordType, recordId, changedFields, cancellationToken);
        All.Enqueue(new(recordType, recordId, "updated", null, changedFields.ToList(), null));
    }

    public async Task StatusChangedAsync(string recordType, Guid recordId, string? fromStatus, string toStatus, CancellationToken cancellationToken = default)
    {
        await inner.StatusChangedAsync(recordType, recordId, fromStatus, toStatus, cancellationToken);
        All.Enqueue(new(recordType, recordId, "status", $"{fromStatus}->{toStatus}", null, null));
    }

    public async Task EventAsync(string recordType, Guid recordId, string eventName, IReadOnlyDictionary<string, string?>? data = null, CancellationToken cancellationToken = default)
    {
        await inner.EventAsync(recordType, recordId, eventName, data, cancellationToken);
        All.Enqueue(new(recordType, recordId, "event", eventName, null, data));
    }
}

/// <summary>A tenant staffed for service desk tests: a service team with a head and two agents, a sales rep elsewhere, a customer.</summary>
public sealed class ServiceDesk
{
    public required ApiFixture Api { get; init; }
    public required TenantScenario Tenant { get; init; }
    public required ApiClient Admin { get; init; }
    public required Guid ServiceDept { get; init; }
    public required Guid SalesDept { get; init; }
    public required Guid HeadId { get; init; }
    public required Guid Agent1Id { get; init; }
    public required Guid Agent2Id { get; init; }
    public required Guid RepId { get; init; }
    public required Guid CustomerId { get; init; }

    public static async Task<ServiceDesk> CreateAsync(ApiFixture api)
    {
        var t = await TenantScenario.CreateAsync(api, "svc");
        var serviceDept = await t.CreateDepartmentAsync("Service team");
        var salesDept = await t.CreateDepartmentAsync("Sales team");
        var head = await t.CreateUserAsync("head", "manager", serviceDept);
        var agent1 = await t.CreateUserAsync("agent1", "service", serviceDept);
        var agent2 = await t.CreateUserAsync("agent2", "service", serviceDept);
        var rep = await t.CreateUserAsync("rep", "sales", salesDept);
        var admin = await ServiceTestHost.LoginAsync(api, t, "admin");
        var customer = await admin.PostOk("/api/customers", new { kind = "Company", name = "上海东方电气 " + t.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created);
        return new ServiceDesk
        {
            Api = api, Tenant = t, Admin = admin, ServiceDept = serviceDept, SalesDept = salesDept, HeadId = head, Agent1Id = agent1, Agent2Id = agent2, RepId = rep,
            CustomerId = customer["id"]!.GetValue<Guid>(),
        };
    }

    public Task<ApiClient> LoginAsync(ApiFixture api, string userName) => ServiceTestHost.LoginAsync(api, Tenant, userName);

    /// <summary>Makes a round-the-clock calendar (UTC, 00:00–24:00 every day) the tenant's default, as an admin would.</summary>
    public async Task UseRoundTheClockCalendarAsync()
    {
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        await Admin.PostOk("/api/workflows/calendars", new
        {
            name = "24/7", timeZone = "UTC", isDefault = true, weeklyHours = days.ToDictionary(d => d, _ => new[] { "00:00-24:00" }),
        }, HttpStatusCode.Created);
    }
}
