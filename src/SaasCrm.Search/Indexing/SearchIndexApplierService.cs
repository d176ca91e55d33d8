using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Search.Engines.Lucene;

namespace SaasCrm.Search.Indexing;

/// <summary>Every node runs this loop over its own index (off when Jobs:Enabled is false: tests apply explicitly).</summary>
public sealed partial class SearchIndexApplierService(
    SearchIndexApplier applier,
    IOptions<JobOptions> jobs,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexApplierService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await applier.ApplyAllAsync(stoppingToken);
                if (applier.Node.Index is LuceneSearchIndex lucene) lucene.CloseIdle(options.Value.CloseIdleIndexAfter);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the search index log failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
