using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>Shortcuts for workflow tests: definitions over the customer record type, instances, journals, signals.</summary>
public static class WorkflowApi
{
    public static object Model(string start, params object[] steps) =>
        new { trigger = new { kind = "recordCreated", recordType = "customer" }, startStepId = start, steps, variables = Array.Empty<object>() };

    public static object Step(string id, string activity, object? properties = null, string? next = null, object? branches = null) =>
        new { id, activity, properties = properties ?? new { }, next, branches };

    public static async Task<Guid> PublishAsync(ApiClient admin, object model, string? name = null)
    {
        var created = await admin.PostOk("/api/workflows/definitions", new { name = name ?? "wf " + Guid.NewGuid().ToString("N")[..6], definition = model }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        await admin.PostOk($"/api/workflows/definitions/{id}/draft/publish");
        return id;
    }

    public static async Task<JsonArray> InstancesAsync(ApiClient client, Guid? recordId = null, Guid? definitionId = null) =>
        (await client.GetOk($"/api/workflows/instances?pageSize=100&{(recordId is null ? "" : $"recordId={recordId}&")}{(definitionId is null ? "" : $"definitionId={definitionId}")}"))["items"]!.AsArray();

    public static async Task<JsonNode> SingleInstanceAsync(ApiClient client, Guid recordId)
    {
        var list = await InstancesAsync(client, recordId);
        Assert.Single(list);
        return await client.GetOk($"/api/workflows/instances/{list[0]!["id"]}");
    }

    public static int Count(JsonNode detail, string stepId, string outcome) =>
        detail["journal"]!.AsArray().Count(j => j!["stepId"]?.GetValue<string>() == stepId && j["outcome"]!.GetValue<string>() == outcome);

    public static string Status(JsonNode detail) => detail["instance"]!["status"]!.GetValue<string>();

    /// <summary>
    /// Moves the clock on to the next whole minute and returns that instant: a deadline counted from it has no
    /// sub-second part, so it reads back exactly on every database.
    /// </summary>
    public static DateTime ToNextWholeMinute(ApiFixture api)
    {
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        var next = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        api.Factory.Clock.Advance(next - now);
        return next;
    }

    /// <summary>Raises a record event the way a module would: an outbox row committed in the tenant.</summary>
    public static async Task RaiseAsync(ApiFixture api, Guid tenantId, Guid recordId, string eventName)
    {
        var tenant = api.Factory.Services.GetRequiredService<ICurrentTenant>();
        using var _ = tenant.Change(tenantId);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowSignals>().EventAsync("customer", recordId, eventName);
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
    }

    /// <summary>Two workers (two nodes' claimers) running due jobs at the same time.</summary>
    public static async Task RunJobsInParallelAsync(ApiFixture api)
    {
        var second = ActivatorUtilities.CreateInstance<JobWorker>(api.Factory.Services);
        await Task.WhenAll(Task.Run(() => api.RunJobsAsync()), Task.Run(() => api.RunJobsAsync(second)));
        await api.RunJobsAsync();
    }
}
