using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

/// <summary>
/// One activity of the catalogue: it describes its properties (for the designer), validates a step's properties
/// before publishing, and executes a step, answering what comes next: the next step, a named branch, a wait
/// (bookmarks) or the end of the instance.
/// </summary>
public interface IWorkflowActivity
{
    string Name { get; }
    LocalizedText Label { get; }
    IReadOnlyList<ActivityProperty> Properties { get; }

    /// <summary>Branch names the step must map (If: true/false); empty when it continues with <c>next</c>.</summary>
    IReadOnlyList<string> RequiredBranches(WorkflowStep step) => [];

    /// <summary>Whether the step may suspend the instance (a loop needs one).</summary>
    bool Waits(WorkflowStep step) => false;

    void Validate(WorkflowStep step, ValidationScope scope);

    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

/// <param name="Type">text, number, boolean, duration, condition, field, event, json, localizedText, list.</param>
public sealed record ActivityProperty(string Name, string Type, bool Required, LocalizedText Description);

/// <param name="Note">The journal's plain text (kept for old readers and dry runs).</param>
public abstract record ActivityResult(string? Note)
{
    /// <summary>The same note as a message code with arguments, rendered in the viewer's language.</summary>
    public Runtime.JournalNote? Entry { get; init; }
}

/// <summary>Continue with the step's <c>next</c> (the instance completes when there is none).</summary>
public sealed record NextResult(string? Note = null) : ActivityResult(Note);

/// <summary>Continue with the named branch.</summary>
public sealed record BranchResult(string Branch, string? Note = null) : ActivityResult(Note);

/// <summary>Suspend until one of the bookmarks is resumed; the first one consumes them all.</summary>
public sealed record WaitResult(IReadOnlyList<BookmarkRequest> Bookmarks, string? Note = null) : ActivityResult(Note);

/// <summary>End the instance.</summary>
public sealed record CompleteResult(string? Outcome, string? Note = null) : ActivityResult(Note);

/// <param name="Outcome">"next" or the branch to take on resume.</param>
public sealed record BookmarkRequest(string Outcome, string? EventName = null, string? Correlation = null, DateTime? DueAt = null, string? BoundField = null);
