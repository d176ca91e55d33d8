namespace SaasCrm.Workflows.Activities;

/// <summary>The engine's activities by name (exactly the table in docs/workflows.md).</summary>
public sealed class ActivityCatalog
{
    private readonly Dictionary<string, IWorkflowActivity> _byName;

    public ActivityCatalog() : this(Default()) { }

    public ActivityCatalog(IEnumerable<IWorkflowActivity> activities) =>
        _byName = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IWorkflowActivity> All => _byName.Values;

    public IWorkflowActivity? Find(string name) => _byName.GetValueOrDefault(name);

    public static IEnumerable<IWorkflowActivity> Default() =>
    [
        new IfActivity(), new SwitchActivity(), new AssignActivity(), new ComputeDeadlineActivity(), new NotifyActivity(),
        new EscalateActivity(), new WaitForEventActivity(), new WaitUntilActivity(), new WaitForEventOrTimerActivity(),
        new SetStatusActivity(), new SetFieldActivity(), new CreateTaskActivity(), new CompleteActivity(),
    ];
}
