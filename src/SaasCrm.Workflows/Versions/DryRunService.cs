using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Versions;

/// <summary>An answer to a wait in a dry run: an event (with data) or the timer.</summary>
public sealed record DryRunAnswer(string? Event, bool Timer = false, Dictionary<string, string?>? Data = null);

/// <param name="Version">A version number; null runs the draft (or the newest version when there is no draft).</param>
/// <param name="RecordId">A real record to read (never written); else <paramref name="Values"/> as sample field values.</param>
public sealed record DryRunRequest(int? Version, Guid? RecordId, Dictionary<string, JsonNode?>? Values, List<DryRunAnswer>? Answers);

public sealed record DryRunStep(string StepId, string Activity, string Outcome, string? Note);

public sealed record DryRunResult(IReadOnlyList<DryRunStep> Path, string Status, string? WaitingAt);

/// <summary>Runs a definition in memory: the same activities in dry mode, waits answered from the request, nothing written.</summary>
public sealed class DryRunService(PlatformDbContext db, WorkflowRunner runner, ActivityCatalog activities, TimeProvider clock)
{
    public async Task<DryRunResult> RunAsync(Guid definitionId, DryRunRequest request, CancellationToken ct)
    {
        var definition = await db.Set<WorkflowDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct) ?? throw new EntityNotFoundException("WorkflowDefinition", definitionId);
        var versions = db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.DefinitionId == definitionId);
        var version = request.Version is { } n
            ? await versions.FirstOrDefaultAsync(v => v.Number == n, ct) ?? throw new EntityNotFoundException("WorkflowVersion", n)
            : await versions.OrderByDescending(v => v.Number).FirstAsync(ct);
        var model = WorkflowJson.Model(version.ModelJson);
        var samples = request.Values?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        var answers = new Queue<DryRunAnswer>(request.Answers ?? []);
        var path = new List<DryRunStep>();
        var variables = new JsonObject();
        foreach (var v in model.Variables) variables[v.Name] = v.Default?.DeepClone();
        IReadOnlyDictionary<string, string?> eventData = new Dictionary<string, string?>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stepId = model.StartStepId;
        Dictionary<string, object?>? values = null;

        for (var i = 0; i < 200 && stepId is not null; i++)
        {
            var step = model.Steps.FirstOrDefault(s => s.Id == stepId) ?? throw new BusinessException("workflow.unknown_step", $"Step '{stepId}' does not exist.");
            var activity = activities.Find(step.Activity) ?? throw new BusinessException("workflow.unknown_activity", $"'{step.Activity}' is not an activity.");
            var context = await runner.BuildContextAsync(model, step, Guid.Empty, definition, request.RecordId, 0, variables, eventData, now, dryRun: true, ct, values ?? samples);
            ActivityResult result;
            try
            {
                result = await activity.ExecuteAsync(context, ct);
            }
            catch (BusinessException ex)
            {
                path.Add(new DryRunStep(step.Id, step.Activity, "failed", ex.Message));
                return new DryRunResult(path, "Faulted", step.Id);
            }
            values = context.Values;
            switch (result)
            {
                case WaitResult wait:
                    if (!answers.TryDequeue(out var answer))
                    {
                        path.Add(new DryRunStep(step.Id, step.Activity, "waiting", wait.Note));
                        return new DryRunResult(path, "Waiting", step.Id);
                    }
                    var bookmark = wait.Bookmarks.FirstOrDefault(b => answer.Timer ? b.DueAt is not null : b.EventName == answer.Event);
                    if (bookmark is null)
                    {
                        path.Add(new DryRunStep(step.Id, step.Activity, "waiting", $"{wait.Note}; the answer does not match this wait"));
                        return new DryRunResult(path, "Waiting", step.Id);
                    }
                    if (bookmark.DueAt is { } due && due > now) now = due;
                    eventData = answer.Data ?? new Dictionary<string, string?>();
                    path.Add(new DryRunStep(step.Id, step.Activity, bookmark.Outcome, wait.Note));
                    stepId = bookmark.Outcome == "next" ? step.Next : step.Branches?.GetValueOrDefault(bookmark.Outcome);
                    break;
                case CompleteResult complete:
                    path.Add(new DryRunStep(step.Id, step.Activity, "completed", complete.Outcome ?? complete.Note));
                    return new DryRunResult(path, "Completed", null);
                case BranchResult branch:
                    path.Add(new DryRunStep(step.Id, step.Activity, branch.Branch, branch.Note));
                    stepId = step.Branches?.GetValueOrDefault(branch.Branch) ?? (branch.Branch == "none" ? step.Next : null);
                    break;
                default:
                    path.Add(new DryRunStep(step.Id, step.Activity, "next", result.Note));
                    stepId = step.Next;
                    break;
            }
        }
        return new DryRunResult(path, stepId is null ? "Completed" : "Running", stepId);
    }
}
