using SaasCrm.Platform.Data;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.Calls;

/// <summary>
/// The tenant's telephony switch as click-to-call sees it: ring the agent's extension, then connect it to the
/// number. A real adapter (a PBX's or cloud call center's REST API) replaces the default registration.
/// </summary>
public interface ITelephonyProvider
{
    /// <returns>The provider's id of the call, which its later reports carry.</returns>
    Task<string> DialAsync(string agentExtension, string number, CancellationToken cancellationToken);
}

/// <summary>The default provider: no switch behind it, it records the request (in the caller's unit of work) and hands out an id.</summary>
public sealed class RecordingTelephonyProvider(PlatformDbContext db, TimeProvider clock) : ITelephonyProvider
{
    public Task<string> DialAsync(string agentExtension, string number, CancellationToken cancellationToken)
    {
        var callId = $"rec-{Guid.CreateVersion7():N}";
        db.Add(new TelephonyDialRequest { AgentExtension = agentExtension, Number = number, ProviderCallId = callId, RequestedAt = clock.GetUtcNow().UtcDateTime });
        return Task.FromResult(callId);
    }
}
