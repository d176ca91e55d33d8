using System.Collections.Concurrent;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Probe;

[JobName("probe.job")]
public sealed record ProbeJobArgs(Guid Marker, int FailTimes = 0, bool Block = false);

/// <summary>Records every run (with the tenant and user it ran as), fails on demand, or blocks until released.</summary>
public sealed class ProbeJob(ICurrentTenant tenant, ICurrentUser user) : IBackgroundJob<ProbeJobArgs>
{
    public static readonly ConcurrentDictionary<Guid, ConcurrentQueue<ProbeRun>> Runs = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Started = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Gates = new();

    public async Task ExecuteAsync(ProbeJobArgs args, JobContext context, CancellationToken cancellationToken)
    {
        Runs.GetOrAdd(args.Marker, _ => new()).Enqueue(new ProbeRun(context.Attempt, tenant.Id, user.Id));
        Started.GetOrAdd(args.Marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (args.Block)
        {
            await Gates.GetOrAdd(args.Marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(cancellationToken);
        }
        if (context.Attempt <= args.FailTimes) throw new InvalidOperationException($"probe failure {context.Attempt}");
    }

    public static int RunCount(Guid marker) => Runs.TryGetValue(marker, out var q) ? q.Count : 0;
}

public sealed record ProbeRun(int Attempt, Guid? TenantId, Guid? UserId);
