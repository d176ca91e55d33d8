using Cronos;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Calendars;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Definitions;

/// <summary>
/// Checks a definition before it is saved or published: trigger (record type, event, cron, condition), steps
/// (activity, properties, fields, operators, durations), the graph (known targets, branches, reachability) and
/// that every loop passes a wait step (else an instance would spin forever).
/// </summary>
public static class WorkflowValidator
{
    public static readonly string[] TriggerKinds = ["recordCreated", "recordUpdated", "statusChanged", "event", "schedule"];

    public static List<WorkflowValidationError> Validate(WorkflowDefinitionModel model, IWorkflowRecordType? recordType, FieldCatalog catalog, ActivityCatalog activities)
    {
        var scope = new ValidationScope(catalog, recordType);
        ValidateTrigger(model.Trigger, recordType, scope);

        var steps = new Dictionary<string, WorkflowStep>(StringComparer.Ordinal);
        foreach (var step in model.Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Id) || !steps.TryAdd(step.Id, step))
                scope.Errors.Add(new("workflow.unknown_step", "steps", $"Step ids must be present and unique ('{step.Id}').", step.Id));
        }
        if (!steps.ContainsKey(model.StartStepId))
            scope.Errors.Add(new("workflow.unknown_step", "startStepId", $"The start step '{model.StartStepId}' does not exist."));

        foreach (var step in steps.Values)
        {
            scope.StepId = step.Id;
            var activity = activities.Find(step.Activity);
            if (activity is null)
            {
                scope.Error("workflow.unknown_activity", "activity", $"'{step.Activity}' is not an activity; use one of {string.Join(", ", activities.All.Select(a => a.Name))}.");
                continue;
            }
            activity.Validate(step, scope);
            foreach (var branch in activity.RequiredBranches(step))
                if (step.Branches?.ContainsKey(branch) != true)
                    scope.Error("workflow.missing_branch", $"branches.{branch}", $"Step '{step.Id}' ({step.Activity}) needs a step for its '{branch}' branch.");
            foreach (var (name, target) in Targets(step))
                if (!steps.ContainsKey(target))
                    scope.Error("workflow.unknown_step", name == "next" ? "next" : $"branches.{name}", $"Step '{step.Id}' leads to '{target}', which does not exist.");
        }
        scope.StepId = null;

        if (steps.ContainsKey(model.StartStepId))
        {
            var reached = Reachable(model.StartStepId, steps);
            foreach (var step in steps.Values.Where(s => !reached.Contains(s.Id)))
                scope.Errors.Add(new("workflow.unreachable_step", $"steps.{step.Id}", $"Step '{step.Id}' cannot be reached from the start step.", step.Id));
        }
        if (FindLoopWithoutWait(steps, activities) is { } loop)
            scope.Errors.Add(new("workflow.loop_without_wait", $"steps.{loop[0]}",
                $"The loop {string.Join(" → ", loop)} → {loop[0]} has no wait step; an instance would run forever.", loop[0]));
        return scope.Errors;
    }

    private static void ValidateTrigger(WorkflowTrigger trigger, IWorkflowRecordType? recordType, ValidationScope scope)
    {
        if (!TriggerKinds.Contains(trigger.Kind))
        {
            scope.Error("workflow.missing_property", "trigger.kind", $"'{trigger.Kind}' is not a trigger; use one of {string.Join(", ", TriggerKinds)}.");
            return;
        }
        if (trigger.Kind == "schedule")
        {
            if (string.IsNullOrWhiteSpace(trigger.Cron) || !TryParseCron(trigger.Cron, out _))
                scope.Error("workflow.bad_cron", "trigger.cron", $"'{trigger.Cron}' is not a cron expression (5 fields, e.g. '0 9 * * MON-FRI').");
            if (trigger.TimeZone is { } zone && !WorkingCalendarRules.IsValidZone(zone))
                scope.Error("workflow.bad_cron", "trigger.timeZone", $"'{zone}' is not an IANA time zone.");
            if (trigger.RecordType is not null && recordType is null)
                scope.Error("workflow.unknown_record_type", "trigger.recordType", $"'{trigger.RecordType}' is not a record type.");
            return;
        }
        if (recordType is null)
        {
            scope.Error("workflow.unknown_record_type", "trigger.recordType", $"'{trigger.RecordType}' is not a registered record type.");
            return;
        }
        if (trigger.Kind == "event")
        {
            if (string.IsNullOrEmpty(trigger.Event)) scope.Error("workflow.missing_property", "trigger.event", "An event trigger names its event.");
            else scope.CheckEvent(trigger.Event, "trigger.event");
        }
        foreach (var field in trigger.Fields ?? []) scope.CheckField(field, "trigger.fields");
        scope.CheckCondition(trigger.Condition, "trigger.condition");
    }

    public static bool TryParseCron(string text, out CronExpression? cron)
    {
        try
        {
            cron = CronExpression.Parse(text);
            return true;
        }
        catch (CronFormatException)
        {
            cron = null;
            return false;
        }
    }

    public static IEnumerable<(string Name, string Target)> Targets(WorkflowStep step)
    {
        if (!string.IsNullOrEmpty(step.Next)) yield return ("next", step.Next);
        foreach (var (name, target) in step.Branches ?? []) yield return (name, target);
    }

    private static HashSet<string> Reachable(string start, Dictionary<string, WorkflowStep> steps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
            foreach (var (_, target) in Targets(steps[id]))
                if (steps.ContainsKey(target) && seen.Add(target)) queue.Enqueue(target);
        return seen;
    }

    /// <summary>A cycle through non-waiting steps only, as the list of its step ids; null when every loop waits.</summary>
    private static List<string>? FindLoopWithoutWait(Dictionary<string, WorkflowStep> steps, ActivityCatalog activities)
    {
        bool Waits(WorkflowStep s) => activities.Find(s.Activity)?.Waits(s) ?? true;
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var (_, target) in Targets(steps[id]))
            {
                if (!steps.TryGetValue(target, out var next) || Waits(next)) continue;
                if (state.GetValueOrDefault(target) == 1) return path[path.IndexOf(target)..];
                if (state.GetValueOrDefault(target) == 0 && Visit(target) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }

        foreach (var step in steps.Values.Where(s => !Waits(s)))
            if (state.GetValueOrDefault(step.Id) == 0 && Visit(step.Id) is { } loop) return loop;
        return null;
    }
}
