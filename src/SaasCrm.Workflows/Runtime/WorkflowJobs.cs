using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Workflows.Runtime;

/// <summary>Runs an instance's steps from its current step until it waits, completes or fails.</summary>
[JobName("workflows.run")]
public sealed record RunInstanceArgs(Guid InstanceId);

/// <summary>A timer bookmark's due time. A job whose due time no longer matches its bookmark (rescheduled, consumed) does nothing.</summary>
[JobName("workflows.timer")]
public sealed record TimerDueArgs(Guid InstanceId, Guid BookmarkId, DateTime DueAt);

/// <summary>One occurrence of a schedule trigger of a published version.</summary>
[JobName("workflows.schedule")]
public sealed record ScheduleOccurrenceArgs(Guid VersionId, DateTime Occurrence);
