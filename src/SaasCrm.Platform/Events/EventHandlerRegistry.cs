using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Platform.Events;

public sealed class EventHandlerRegistry
{
    private readonly Dictionary<Type, List<EventHandlerRegistration>> _byEvent = [];
    private readonly Dictionary<string, EventHandlerRegistration> _byName = new(StringComparer.Ordinal);

    public void Add(EventHandlerRegistration registration)
    {
        if (!_byEvent.TryGetValue(registration.EventType, out var list)) _byEvent[registration.EventType] = list = [];
        list.Add(registration);
        _byName[registration.Name] = registration;
    }

    public IReadOnlyList<EventHandlerRegistration> For(Type eventType) => _byEvent.GetValueOrDefault(eventType) ?? [];
    public EventHandlerRegistration? Find(string name) => _byName.GetValueOrDefault(name);
}

public sealed record EventHandlerRegistration(Type EventType, Type HandlerType)
{
    /// <summary>Stable name stored in the outbox job.</summary>
    public string Name => HandlerType.FullName!;
}

/// <summary>Runs one handler for one stored event.</summary>
public sealed class EventDispatchJob(EventHandlerRegistry registry, IServiceProvider services) : IBackgroundJob<EventDispatchArgs>
{
    public Task ExecuteAsync(EventDispatchArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var registration = registry.Find(args.Handler)
            ?? throw new InvalidOperationException($"Event handler '{args.Handler}' is not registered.");
        var @event = JsonSerializer.Deserialize(args.Payload, registration.EventType, JobRegistration.Json)!;
        var handler = services.GetRequiredService(registration.HandlerType);
        var method = typeof(IEventHandler<>).MakeGenericType(registration.EventType).GetMethod(nameof(IEventHandler<object>.HandleAsync))!;
        return (Task)method.Invoke(handler, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [@event, new EventContext(args.EventId, context.Attempt), cancellationToken], null)!;
    }
}
