using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Customers;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Api.Tests.Service.CallCenter;

/// <summary>The telephony system's side and an agent's browser, for the call-center tests.</summary>
public abstract class CallCenterTestBase(ApiFixture api)
{
    protected ApiFixture Api => api;

    protected const string Incoming = "/api/telephony/incoming-call";

    /// <summary>The telephony system: no user, only the key header.</summary>
    protected Task<HttpResponseMessage> TelephonyAsync(string path, string? key, object body)
    {
        var http = api.Factory.CreateClient();
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http.PostAsJsonAsync(path, body, ApiClient.Json);
    }

    protected static object Call(string number, string extension, string? callId = null) =>
        new { callerNumber = number, agentExtension = extension, callId = callId ?? Guid.NewGuid().ToString("N"), startedAt = (DateTime?)null };

    protected static async Task<string> IssueKeyAsync(ApiClient admin, string name = "PBX") =>
        (await admin.PostOk("/api/telephony/keys", new { name }, HttpStatusCode.Created))["key"]!.GetValue<string>();

    protected static async Task<Guid> CustomerAsync(ApiClient client, string name, string[] phones, object[]? contacts = null, Guid? ownerId = null) =>
        (await client.PostOk("/api/customers", new { kind = "Company", name, phones, emails = Array.Empty<string>(), tags = Array.Empty<string>(), contacts = contacts ?? [], ownerId },
            HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    protected async Task<JsonNode> IncomingOkAsync(string key, object body) => await ApiClient.Expect(await TelephonyAsync(Incoming, key, body), HttpStatusCode.OK);

    /// <summary>A hub connection as the browser makes it: the JWT in the access_token query string.</summary>
    protected async Task<(HubConnection Connection, ConcurrentQueue<JsonObject> Received, Func<string, Task<JsonObject>> WaitFor)> ConnectAsync(ApiClient client)
    {
        var received = new ConcurrentQueue<JsonObject>();
        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<JsonObject>>();
        TaskCompletionSource<JsonObject> Slot(string callId) => arrivals.GetOrAdd(callId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var connection = new HubConnectionBuilder()
            .WithUrl($"http://localhost/hubs/notifications?access_token={Uri.EscapeDataString(client.AccessToken!)}", o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        connection.On<JsonObject>("callcenter.incoming", pop =>
        {
            received.Enqueue(pop);
            Slot(pop["callId"]!.GetValue<string>()).TrySetResult(pop);
        });
        await connection.StartAsync();
        return (connection, received, callId => Slot(callId).Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    protected async Task<List<TelephonyDialRequest>> DialRequestsAsync(Guid tenantId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<TelephonyDialRequest>().AsNoTracking().ToListAsync();
    }

    /// <summary>Delivers a customer event to the call center's handler inside the tenant, as the outbox dispatcher does.</summary>
    protected async Task HandleAsync<TEvent>(Guid tenantId, TEvent e) where TEvent : notnull
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var context = new SaasCrm.Platform.Events.EventContext(Guid.NewGuid(), 1);
        switch (e)
        {
            case CustomersMerged m: await scope.Services.GetRequiredService<CallMergeHandler>().HandleAsync(m, context, default); break;
            case CustomerMergeReverted r: await scope.Services.GetRequiredService<CallMergeRevertHandler>().HandleAsync(r, context, default); break;
        }
    }

    protected static async Task<Guid> AdminIdAsync(TenantScenario t) => (await t.Admin.GetOk("/api/account/me"))["userId"]!.GetValue<Guid>();
}
