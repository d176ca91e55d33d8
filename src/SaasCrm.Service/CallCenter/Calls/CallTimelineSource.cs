using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.Calls;

/// <summary>
/// A customer's calls on its 360 timeline, one entry per call: the number as title, the contact as detail, the agent
/// as user, and direction, duration, status and recording link as data. Calls in the caller's data scope only.
/// </summary>
public sealed class CallTimelineSource(CallLogs calls) : ICustomerTimelineSource
{
    public string Kind => "call";

    public async Task<IReadOnlyList<CustomerTimelineItem>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await calls.VisibleAsync(ct)).Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.Direction, c.Number, c.ContactName, c.AgentId, c.StartedAt, c.AnsweredAt, c.EndedAt, c.DurationSeconds, c.RecordingUrl })
            .ToListAsync(ct))
        .Select(c => new CustomerTimelineItem(c.Id, c.StartedAt, c.Number, c.ContactName, c.AgentId, Data(c.Direction,
                CallStatuses.Of(c.AnsweredAt, c.EndedAt, c.DurationSeconds), c.DurationSeconds, c.RecordingUrl),
            $"/callcenter/calls?customerId={customerId}"))
        .ToList();

    private static Dictionary<string, string> Data(CallDirection direction, CallStatus status, int? durationSeconds, string? recordingUrl)
    {
        var data = new Dictionary<string, string> { ["direction"] = direction.ToString(), ["status"] = status.ToString() };
        if (durationSeconds is { } d) data["durationSeconds"] = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(recordingUrl)) data["recordingUrl"] = recordingUrl;
        return data;
    }
}
