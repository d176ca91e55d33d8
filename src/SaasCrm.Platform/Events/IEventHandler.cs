namespace SaasCrm.Platform.Events;

/// <summary>
/// Handles an event published through the outbox. Delivery is at least once, so a handler is idempotent
/// (<see cref="EventContext.EventId"/> is a stable key for its side effects). It runs in the publishing tenant.
/// </summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken);
}

public sealed record EventContext(Guid EventId, int Attempt);
