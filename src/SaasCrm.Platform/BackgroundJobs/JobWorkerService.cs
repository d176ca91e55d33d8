using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>Every node polls the jobs table; a commit that queued jobs wakes this node's worker early.</summary>
public sealed partial class JobWorkerService(
    JobWorker worker,
    IJobSignal signal,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await worker.RunDueJobsAsync(options.Value.Concurrency, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex);
            }
            if (claimed == 0)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the jobs table failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
