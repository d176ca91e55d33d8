using System.Collections.Concurrent;
using SaasCrm.Customers;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Api.Tests.Handover;

/// <summary>Stands in for a later module (opportunities, tickets) reacting to a handover: records each event it receives.</summary>
public sealed class RecordingHandoverHandler(ICurrentTenant tenant) : IEventHandler<CustomersHandedOver>
{
    public static readonly ConcurrentQueue<(CustomersHandedOver Event, Guid? TenantId)> Calls = new();

    public Task HandleAsync(CustomersHandedOver @event, EventContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue((@event, tenant.Id));
        return Task.CompletedTask;
    }
}
