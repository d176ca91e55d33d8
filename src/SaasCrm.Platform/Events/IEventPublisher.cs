using System.Text.Json;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Platform.Events;

/// <summary>
/// The outbox: publishing writes one durable job per handler into the current unit of work, so the event is
/// stored in the same transaction as the change and dispatched by the job workers after commit, each
/// handler retried on its own.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : notnull;
}

public sealed class EventPublisher(EventHandlerRegistry handlers, IBackgroundJobManager jobs) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : notnull
    {
        var eventId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(@event, JobRegistration.Json);
        foreach (var handler in handlers.For(typeof(TEvent)))
        {
            await jobs.EnqueueAsync(new EventDispatchArgs(eventId, handler.Name, payload), idempotencyKey: $"event:{eventId:N}:{handler.Name}", cancellationToken: cancellationToken);
        }
    }
}

[JobName("platform.event-dispatch")]
public sealed record EventDispatchArgs(Guid EventId, string Handler, string Payload);
