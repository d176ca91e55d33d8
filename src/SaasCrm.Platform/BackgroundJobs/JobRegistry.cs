using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>Maps a stored job name to its args type and how to run its handler.</summary>
public sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobRegistration> _byArgs = [];

    public void Add(JobRegistration registration)
    {
        _byName[registration.Name] = registration;
        _byArgs[registration.ArgsType] = registration;
    }

    public JobRegistration? Find(string name) => _byName.GetValueOrDefault(name);

    public JobRegistration Get(Type argsType) =>
        _byArgs.GetValueOrDefault(argsType) ?? throw new InvalidOperationException($"No job handler is registered for {argsType.Name}.");

    public static string NameOf(Type argsType) => argsType.GetCustomAttribute<JobNameAttribute>()?.Name ?? argsType.FullName!;
}

public sealed record JobRegistration(string Name, Type ArgsType, Type HandlerType, int MaxAttempts)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RunAsync(IServiceProvider services, string args, JobContext context, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize(args, ArgsType, Json)
            ?? throw new InvalidOperationException($"Job {Name} has empty arguments.");
        var handler = services.GetRequiredService(HandlerType);
        var method = typeof(IBackgroundJob<>).MakeGenericType(ArgsType).GetMethod(nameof(IBackgroundJob<object>.ExecuteAsync))!;
        return (Task)method.Invoke(handler, BindingFlags.DoNotWrapExceptions, null, [payload, context, cancellationToken], null)!;
    }
}
