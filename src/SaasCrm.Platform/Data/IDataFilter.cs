using SaasCrm.Platform.MultiTenancy;
using System.Collections.Concurrent;


namespace SaasCrm.Platform.Data;

/// <summary>
/// Switches the global query filters (<c>IMultiTenant</c>, <c>ISoftDelete</c>) off for a block of code.
/// Only host-side code that says why may disable one, and it must materialise its query inside the using.
/// </summary>
public interface IDataFilter
{
    IDisposable Disable<TFilter>() where TFilter : class;
    IDisposable Enable<TFilter>() where TFilter : class;
    bool IsEnabled<TFilter>() where TFilter : class;
}

public sealed class DataFilter : IDataFilter
{
    private readonly ConcurrentDictionary<Type, AsyncLocal<bool?>> _states = new();

    public IDisposable Disable<TFilter>() where TFilter : class => Set(typeof(TFilter), false);
    public IDisposable Enable<TFilter>() where TFilter : class => Set(typeof(TFilter), true);
    public bool IsEnabled<TFilter>() where TFilter : class => State(typeof(TFilter)).Value ?? true;

    private IDisposable Set(Type filter, bool enabled)
    {
        var state = State(filter);
        var previous = state.Value;
        state.Value = enabled;
        return new RestoreScope(() => state.Value = previous);
    }

    private AsyncLocal<bool?> State(Type filter) => _states.GetOrAdd(filter, _ => new AsyncLocal<bool?>());
}
