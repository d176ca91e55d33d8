using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SaasCrm.Api.Tests.Customers;

/// <summary>
/// Counts the SQL commands EF runs on behalf of the current async flow (the test's request, with the test
/// server preserving the execution context), so other tests running in parallel do not add to the count.
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<QueryCounter?> Current = new();
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _commands = [];

    public QueryCounter()
    {
        Current.Value = this;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count { get { lock (_commands) return _commands.Count; } }
    /// <summary>The SQL that ran, for a failure message that says which queries were too many.</summary>
    public string Commands { get { lock (_commands) return string.Join("\n---\n", _commands); } }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_listeners) _listeners.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && Current.Value == this && value.Value is CommandExecutedEventData data)
            lock (_commands) _commands.Add(data.Command.CommandText);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        Current.Value = null;
        _subscription.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
