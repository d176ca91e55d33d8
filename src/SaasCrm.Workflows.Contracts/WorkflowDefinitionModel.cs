using System.Text.Json.Nodes;

namespace SaasCrm.Workflows;

/// <summary>
/// A workflow definition as tenants edit it and the engine runs it (stored as JSON per version). Steps are a flat
/// list: each names its activity, its properties, the step that follows (<see cref="WorkflowStep.Next"/>) and,
/// for activities with outcomes (If, Switch, WaitForEventOrTimer, Escalate), named <see cref="WorkflowStep.Branches"/>.
/// Execution starts at <see cref="StartStepId"/>. The graph view's positions live apart in <see cref="WorkflowLayout"/>.
/// </summary>
public sealed class WorkflowDefinitionModel
{
    public WorkflowTrigger Trigger { get; set; } = new();
    public List<WorkflowVariable> Variables { get; set; } = [];
    public string StartStepId { get; set; } = "";
    public List<WorkflowStep> Steps { get; set; } = [];
}

/// <summary>
/// What starts an instance. <see cref="Kind"/>: "recordCreated", "recordUpdated" (optionally only when one of
/// <see cref="Fields"/> changed), "statusChanged" (optionally only to <see cref="Status"/>), "event"
/// (<see cref="Event"/> raised on a record) or "schedule" (<see cref="Cron"/> in <see cref="TimeZone"/>, no record).
/// <see cref="Condition"/> filters records, in the condition language below.
/// </summary>
public sealed class WorkflowTrigger
{
    public string Kind { get; set; } = "recordCreated";
    public string? RecordType { get; set; }
    public List<string>? Fields { get; set; }
    public string? Status { get; set; }
    public string? Event { get; set; }
    public string? Cron { get; set; }
    public string? TimeZone { get; set; }
    public JsonNode? Condition { get; set; }
}

/// <param name="Type">"text", "number", "boolean", "dateTime" or "user".</param>
public sealed class WorkflowVariable
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "text";
    public JsonNode? Default { get; set; }
}

/// <summary>
/// One step. <see cref="Activity"/> is one of the engine's activities: If, Switch, Assign, ComputeDeadline,
/// Notify, Escalate, WaitForEvent, WaitUntil, WaitForEventOrTimer, SetStatus, SetField, CreateTask, Complete.
/// <see cref="Properties"/> are the activity's settings (docs/workflows.md lists them).
///
/// Conditions (If, Switch, trigger) are JSON: {"all":[c…]}, {"any":[c…]}, {"not":c} or
/// {"field":"severity","op":"eq","value":"high"} with op one of eq, ne, gt, gte, lt, lte, in, notIn, contains,
/// notContains, startsWith, isEmpty, isNotEmpty. A field is a record field of the catalogue ("severity",
/// "cf.region"), a variable ("var.round") or the data of the event that resumed the instance ("event.satisfied").
/// </summary>
public sealed class WorkflowStep
{
    public string Id { get; set; } = "";
    public string Activity { get; set; } = "";
    /// <summary>The step's title (English, or the only one an admin typed).</summary>
    public string? Name { get; set; }
    /// <summary>The Chinese title; readers fall back to <see cref="Name"/>.</summary>
    public string? NameZh { get; set; }
    public JsonObject Properties { get; set; } = [];
    public string? Next { get; set; }
    public Dictionary<string, string>? Branches { get; set; }
}

/// <summary>Positions of the graph view, kept apart from the definition so moving a box is not a new version of the logic.</summary>
public sealed class WorkflowLayout
{
    public Dictionary<string, WorkflowNodePosition> Nodes { get; set; } = [];
}

public sealed record WorkflowNodePosition(double X, double Y);
