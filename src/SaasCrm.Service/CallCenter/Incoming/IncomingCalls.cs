using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications.RealTime;
using SaasCrm.Platform.Security;
using SaasCrm.Service.CallCenter.ApiKeys;
using SaasCrm.Service.CallCenter.Domain;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.CallCenter.Incoming;

/// <param name="CallerNumber">The caller's number in any format ("+86 138-0013-8000").</param>
/// <param name="AgentExtension">The extension the call rings at.</param>
/// <param name="CallId">The telephony system's id of the call; a repeated report with the same id is recognised.</param>
/// <param name="StartedAt">When the call started (UTC); now when left out.</param>
public sealed record IncomingCallRequest(string CallerNumber, string AgentExtension, string CallId, DateTime? StartedAt);
public sealed record IncomingCallResponse(Guid CallLogId, bool AgentFound, bool CustomerMatched);

/// <param name="DurationSeconds">Talk time; computed from EndedAt when left out.</param>
public sealed record CallEndedRequest(string CallId, DateTime? EndedAt, int? DurationSeconds, string? RecordingUrl);

/// <param name="CallId">The id of an incoming call as reported, or of an outgoing call as the provider returned it on dialling.</param>
/// <param name="AnsweredAt">When the other party picked up (UTC); now when left out.</param>
public sealed record CallAnsweredRequest(string CallId, DateTime? AnsweredAt);

public sealed record ScreenPopCustomerDto(Guid Id, string Name, Guid? OwnerId, string? OwnerName, string? LevelCode, DateTime? LastFollowUpAt, int OpenTickets, Guid? ContactId, string? ContactName);
/// <summary>What the agent's browser receives on <see cref="IncomingCalls.ScreenPopMethod"/>.</summary>
/// <param name="Customer">The matching customer the agent may open; null when none matches (or the agent may not see it).</param>
/// <param name="MatchedHidden">A customer matches, but lies outside the agent's data scope.</param>
public sealed record ScreenPopDto(Guid CallLogId, string CallId, string Number, DateTime StartedAt, ScreenPopCustomerDto? Customer, bool MatchedHidden);

/// <summary>
/// The telephony system's side: incoming calls and call ends, authenticated by a tenant API key rather than a user.
/// Each request opens the key's tenant (and its database) in a scope of its own.
/// </summary>
public sealed class IncomingCalls(ITenantStore tenants, ITenantScopeFactory scopes, ICurrentUser currentUser, IUserEvents events)
{
    public const string ApiKeyHeader = "X-Api-Key";
    /// <summary>The SignalR client method a screen pop arrives on.</summary>
    public const string ScreenPopMethod = "callcenter.incoming";

    public async Task<IncomingCallResponse> IncomingAsync(HttpContext http, IncomingCallRequest request, CancellationToken ct)
    {
        ScreenPopContext pop;
        TenantInfo tenant;
        await using (var call = Open(http))
        {
            await AuthenticateAsync(call, http, ct);
            tenant = call.Tenant;
            Validate(request);
            var db = call.Db;
            var extension = request.AgentExtension.Trim();
            var agentId = await db.Set<AgentExtension>().Where(e => e.Extension == extension).Select(e => (Guid?)e.UserId).FirstOrDefaultAsync(ct);
            var log = await db.Set<CallLog>().FirstOrDefaultAsync(c => c.CallId == request.CallId, ct);
            if (log is null)
            {
                var match = (await call.Services.GetRequiredService<ICustomerPhoneLookup>().FindAsync(request.CallerNumber, ct)).FirstOrDefault();
                log = new CallLog
                {
                    Direction = CallDirection.In, Number = request.CallerNumber.Trim(), CallId = request.CallId,
                    CustomerId = match?.CustomerId, ContactId = match?.ContactId, ContactName = match?.ContactName,
                    AgentId = agentId, AgentExtension = extension,
                    StartedAt = request.StartedAt?.ToUniversalTime() ?? call.Now,
                };
                db.Add(log);
                await db.SaveChangesAsync(ct);
            }
            pop = new ScreenPopContext(log.Id, log.CallId, log.Number, log.StartedAt, log.CustomerId, log.ContactId, log.ContactName, log.AgentId);
        }
        if (pop.AgentId is { } agent) await PopAsync(tenant, agent, pop, ct);
        return new IncomingCallResponse(pop.CallLogId, pop.AgentId is not null, pop.CustomerId is not null);
    }

    public async Task EndedAsync(HttpContext http, CallEndedRequest request, CancellationToken ct)
    {
        await using var call = Open(http);
        await AuthenticateAsync(call, http, ct);
        if (request.DurationSeconds is < 0 or > 86_400) throw RequestValidationException.For("durationSeconds", "callcenter.duration_invalid", "Duration is 0 to 86400 seconds.");
        if (request.RecordingUrl is { } url && !IsHttpUrl(url)) throw RequestValidationException.For("recordingUrl", "callcenter.recording_url_invalid", "The recording link must be an http(s) address of at most 1000 characters.");
        var log = await call.FindAsync(request.CallId, ct);
        log.EndedAt = request.EndedAt?.ToUniversalTime() ?? call.Now;
        // Talk time runs from the answer when it was reported; else (a system that reports ends only) from the start.
        log.DurationSeconds = request.DurationSeconds ?? Math.Max(0, (int)(log.EndedAt.Value - (log.AnsweredAt ?? log.StartedAt)).TotalSeconds);
        log.RecordingUrl = request.RecordingUrl ?? log.RecordingUrl;
        log.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await call.Db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The other party picked up: an incoming call at the agent's extension, or an outgoing (click-to-call) one found by
    /// the provider's call id. The first report counts (a repeat changes nothing); a call already ended keeps its end.
    /// </summary>
    public async Task AnsweredAsync(HttpContext http, CallAnsweredRequest request, CancellationToken ct)
    {
        await using var call = Open(http);
        await AuthenticateAsync(call, http, ct);
        var log = await call.FindAsync(request.CallId, ct);
        if (log.AnsweredAt is not null) return;
        var at = request.AnsweredAt?.ToUniversalTime() ?? call.Now;
        if (at < log.StartedAt || (log.EndedAt is { } ended && at > ended))
            throw RequestValidationException.For("answeredAt", "callcenter.answered_at_invalid", "A call is answered after it starts and before it ends.");
        log.AnsweredAt = at;
        log.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await call.Db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The key's tenant (and its database) opened in a scope of its own; the caller checks the key there next. Not async:
    /// the current tenant it sets must stay with the caller.
    /// </summary>
    private TelephonyScope Open(HttpContext http)
    {
        var tenant = ResolveTenant(http);
        return new TelephonyScope(tenant, scopes.Create(tenant.Id, tenant.Name));
    }

    private sealed class TelephonyScope(TenantInfo tenant, TenantScope scope) : IAsyncDisposable
    {
        public TenantInfo Tenant => tenant;
        public IServiceProvider Services => scope.Services;
        public PlatformDbContext Db { get; } = scope.Services.GetRequiredService<PlatformDbContext>();
        public DateTime Now => Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        /// <summary>A reported call by the telephony system's id.</summary>
        public async Task<CallLog> FindAsync(string callId, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(callId)) throw RequestValidationException.For("callId", "callcenter.call_id_required", "The call id is required.");
            return await Db.Set<CallLog>().FirstOrDefaultAsync(c => c.CallId == callId, ct) ?? throw new EntityNotFoundException("Call", callId);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private sealed record ScreenPopContext(Guid CallLogId, string CallId, string Number, DateTime StartedAt, Guid? CustomerId, Guid? ContactId, string? ContactName, Guid? AgentId);

    /// <summary>Builds the pop as the agent (so the agent's data scope decides what it reveals) and pushes it to their browsers.</summary>
    private async Task PopAsync(TenantInfo tenant, Guid agentId, ScreenPopContext call, CancellationToken ct)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.UserId, agentId.ToString()), new Claim(PlatformClaims.TenantId, tenant.Id.ToString())], "telephony"));
        ScreenPopCustomerDto? customer = null;
        using (currentUser.Change(principal))
        await using (var scope = scopes.Create(tenant.Id, tenant.Name))
        {
            if (call.CustomerId is { } customerId
                && await scope.Services.GetRequiredService<ICustomerPhoneLookup>().GetCardAsync(customerId, ct) is { } card)
            {
                var db = scope.Services.GetRequiredService<PlatformDbContext>();
                var open = TicketTransitions.OpenStatuses;
                var openTickets = await db.Set<Ticket>().CountAsync(t => t.CustomerId == customerId && open.Contains(t.Status), ct);
                var owner = card.OwnerId is { } o
                    ? await db.Users.Where(u => u.Id == o).Select(u => u.Name != "" ? u.Name : u.UserName).FirstOrDefaultAsync(ct)
                    : null;
                customer = new ScreenPopCustomerDto(card.Id, card.Name, card.OwnerId, owner, card.LevelCode, card.LastFollowUpAt, openTickets, call.ContactId, call.ContactName);
            }
        }
        var dto = new ScreenPopDto(call.CallLogId, call.CallId, call.Number, call.StartedAt, customer, call.CustomerId is not null && customer is null);
        await events.SendAsync(tenant.Id, agentId, ScreenPopMethod, dto, ct);
    }

    private static BusinessException Refused() =>
        new("callcenter.api_key_invalid", "A valid telephony API key is required in the X-Api-Key header.", StatusCodes.Status401Unauthorized);

    /// <summary>The tenant named by the key; a malformed key or an unknown or suspended tenant is refused like a wrong key.</summary>
    private TenantInfo ResolveTenant(HttpContext http)
    {
        var key = http.Request.Headers[ApiKeyHeader].ToString();
        if (!KeyFormat.TryReadTenant(key, out var tenantId) || tenants.Find(tenantId) is not { IsActive: true } tenant) throw Refused();
        return tenant;
    }

    private static async Task AuthenticateAsync(TelephonyScope call, HttpContext http, CancellationToken ct)
    {
        var hash = KeyFormat.Hash(http.Request.Headers[ApiKeyHeader].ToString());
        // Read in the key's own tenant: a key of one tenant carrying another tenant's id finds no row.
        var key = await call.Db.Set<TelephonyApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct) ?? throw Refused();
        key.LastUsedAt = call.Now;
        await call.Db.SaveChangesAsync(ct);
    }

    private static void Validate(IncomingCallRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CallerNumber) || request.CallerNumber.Trim().Length > 32)
            throw RequestValidationException.For("callerNumber", "callcenter.number_invalid", "The caller number is required, at most 32 characters.");
        if (string.IsNullOrWhiteSpace(request.AgentExtension) || request.AgentExtension.Trim().Length > 16)
            throw RequestValidationException.For("agentExtension", "callcenter.extension_invalid", "The agent extension is required, at most 16 characters.");
        if (string.IsNullOrWhiteSpace(request.CallId) || request.CallId.Length > 64)
            throw RequestValidationException.For("callId", "callcenter.call_id_required", "The call id is required, at most 64 characters.");
    }

    internal static bool IsHttpUrl(string url) =>
        url.Length <= 1000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
