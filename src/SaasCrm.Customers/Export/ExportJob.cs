using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Customers.Export;

[JobName("customers.export")]
public sealed record ExportJobArgs(Guid ExportId);

/// <summary>Builds a large export as the user who asked for it (their visibility applies) into a stored file.</summary>
public sealed class ExportJob(ExportService exports) : IBackgroundJob<ExportJobArgs>
{
    public Task ExecuteAsync(ExportJobArgs args, JobContext context, CancellationToken cancellationToken) =>
        exports.RunAsync(args.ExportId, cancellationToken);
}
