using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Service;

/// <summary>
/// The host with what the service desk needs before the workflow engine and the customer directory land: a
/// recording <see cref="IWorkflowSignals"/>, a round-the-clock <see cref="IBusinessCalendar"/> and an
/// <see cref="ICustomerDirectory"/> over <see cref="CustomerAccess"/>. Registered with TryAdd, so the real
/// implementations win as soon as the product registers them.
/// </summary>
public static class ServiceTestHost
{
    private static readonly ConditionalWeakTable<ApiFixture, WebApplicationFactory<Program>> Hosts = new();

    public static WebApplicationFactory<Program> For(ApiFixture api) =>
        Hosts.GetValue(api, a => a.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.TryAddScoped<IWorkflowSignals, RecordingWorkflowSignals>();
            s.TryAddSingleton<IBusinessCalendar, RoundTheClockCalendar>();
            s.TryAddScoped<ICustomerDirectory, CustomerDirectoryStandIn>();
        })));

    public static async Task<ApiClient> LoginAsync(ApiFixture api, TenantScenario tenant, string userName)
    {
        var client = new ApiClient(For(api).CreateClient());
        await client.LoginAsync(tenant.Name, userName, CrmApiFactory.Password);
        return client;
    }

    public static Task<int> RunJobsAsync(ApiFixture api) =>
        api.RunJobsAsync(For(api).Services.GetRequiredService<SaasCrm.Platform.BackgroundJobs.JobWorker>());
}

/// <summary>Every signal the service desk raised, for assertions.</summary>
public sealed class RecordingWorkflowSignals : IWorkflowSignals
{
    public sealed record Signal(string RecordType, Guid RecordId, string Kind, string? Detail, IReadOnlyCollection<string>? Fields, IReadOnlyDictionary<string, string?>? Data);

    public static readonly ConcurrentQueue<Signal> All = new();

    public static List<Signal> Of(Guid recordId) => All.Where(s => s.RecordId == recordId).ToList();

    public Task RecordCreatedAsync(string recordType, Guid recordId, CancellationToken cancellationToken = default) =>
        Add(new(recordType, recordId, "created", null, null, null));

    public Task RecordUpdatedAsync(string recordType, Guid recordId, IReadOnlyCollection<string> changedFields, CancellationToken cancellationToken = default) =>
        Add(new(recordType, recordId, "updated", null, changedFields.ToList(), null));

    public Task StatusChangedAsync(string recordType, Guid recordId, string? fromStatus, string toStatus, CancellationToken cancellationToken = default) =>
        Add(new(recordType, recordId, "status", $"{fromStatus}->{toStatus}", null, null));

    public Task EventAsync(string recordType, Guid recordId, string eventName, IReadOnlyDictionary<string, string?>? data = null, CancellationToken cancellationToken = default) =>
        Add(new(recordType, recordId, "event", eventName, null, data));

    private static Task Add(Signal signal)
    {
        All.Enqueue(signal);
        return Task.CompletedTask;
    }
}

/// <summary>Every hour is working time: working time between two instants is their difference.</summary>
public sealed class RoundTheClockCalendar : IBusinessCalendar
{
    public Task<DateTime> AddWorkingTimeAsync(DateTime startUtc, TimeSpan workingTime, Guid? departmentId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(startUtc + workingTime);

    public Task<TimeSpan> WorkingTimeBetweenAsync(DateTime fromUtc, DateTime toUtc, Guid? departmentId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(toUtc > fromUtc ? toUtc - fromUtc : TimeSpan.Zero);
}

/// <summary>The customer directory as the customer module would offer it: only customers the caller may see.</summary>
public sealed class CustomerDirectoryStandIn(CustomerAccess access, PlatformDbContext db) : ICustomerDirectory
{
    public async Task<IReadOnlyDictionary<Guid, CustomerSummary>> FindAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken) =>
        await (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), cancellationToken)).Where(c => customerIds.Contains(c.Id))
            .Select(c => new CustomerSummary(c.Id, c.Name, c.OwnerId, c.ServiceRepId)).ToDictionaryAsync(c => c.Id, cancellationToken);
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
}
