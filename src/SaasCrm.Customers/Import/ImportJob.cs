using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Customers.Import;

[JobName("customers.import")]
public sealed record ImportJobArgs(Guid BatchId);

/// <summary>Commits a large import in the background; the runner resumes where a failed attempt stopped.</summary>
public sealed class ImportJob(ImportRunner runner) : IBackgroundJob<ImportJobArgs>
{
    public Task ExecuteAsync(ImportJobArgs args, JobContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(args.BatchId, cancellationToken);
}
