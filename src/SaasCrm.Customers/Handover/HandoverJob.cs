using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Handover;

[JobName("customers.handover")]
public sealed record HandoverJobArgs(Guid HandoverId);

/// <summary>
/// Moves a handover's customers batch by batch, each batch one transaction: owners (one set-based update naming
/// the tenant), history rows, open reminders, collaborators, search operations, the integration event and the
/// progress counters commit together or not at all. A retried job (after a crash or a failed batch) finds only
/// the customers still owned by the previous owner, so it carries on at the next batch.
/// </summary>
internal sealed class HandoverJob(
    PlatformDbContext db,
    ICurrentTenant tenant,
    ICurrentUser user,
    ISearchIndexQueue search,
    BulkInsert bulk,
    IEventPublisher events,
    IServiceScopeFactory scopes,
    IOptions<HandoverOptions> options,
    TimeProvider clock) : IBackgroundJob<HandoverJobArgs>
{
    public async Task ExecuteAsync(HandoverJobArgs args, JobContext context, CancellationToken ct)
    {
        var handover = await db.Set<CustomerHandover>().FirstOrDefaultAsync(h => h.Id == args.HandoverId, ct);
        if (handover is null || handover.Status is HandoverStatus.Completed or HandoverStatus.Failed) return;
        try
        {
            if (handover.Status == HandoverStatus.Queued)
            {
                handover.Status = HandoverStatus.Running;
                handover.StartedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }
            // Each batch starts from a clean context and a freshly read handover, so nothing of the last batch is saved twice.
            do db.ChangeTracker.Clear();
            while (await MoveNextBatchAsync(args.HandoverId, ct));
            db.ChangeTracker.Clear();
            handover = await db.Set<CustomerHandover>().SingleAsync(h => h.Id == args.HandoverId, ct);
            handover.Status = HandoverStatus.Completed;
            handover.CompletedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (context.Attempt >= context.MaxAttempts && ex is not OperationCanceledException)
        {
            await MarkFailedAsync(args.HandoverId, ex.Message);
            throw;
        }
    }

    /// <returns>false when nothing was left to move.</returns>
    private async Task<bool> MoveNextBatchAsync(Guid handoverId, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var handover = await db.Set<CustomerHandover>().SingleAsync(h => h.Id == handoverId, ct);
        var ids = await HandoverSelection.Remaining(db, tenantId, handover)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (ids.Count == 0) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to, me) = (handover.FromUserId, handover.ToUserId, user.Id);
        var stamp = Guid.NewGuid().ToString("N");

        var moved = await db.Set<Customer>()
            .Where(c => c.TenantId == tenantId && ids.Contains(c.Id) && c.OwnerId == from && c.Status == CustomerStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.OwnerId, to)
                .SetProperty(c => c.OwnedSince, now)
                .SetProperty(c => c.ReleaseWarnedAt, (DateTime?)null)
                .SetProperty(c => c.ModifiedAt, now)
                .SetProperty(c => c.ModifiedBy, me)
                .SetProperty(c => c.ConcurrencyStamp, stamp), ct);

        var reminders = !handover.IncludeReminders ? 0 : await db.Set<Reminder>()
            .Where(r => r.TenantId == tenantId && r.CustomerId != null && ids.Contains(r.CustomerId.Value) && r.OwnerId == from && r.Status == ReminderStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.OwnerId, to)
                .SetProperty(r => r.ModifiedAt, now)
                .SetProperty(r => r.ModifiedBy, me)
                .SetProperty(r => r.ConcurrencyStamp, stamp), ct);

        // History and collaborator rows through the bulk insert: one multi-row statement per kind instead of a tracked row each.
        await bulk.InsertAsync(ids.Select(id => new OwnershipRecord
        {
            CustomerId = id, Action = OwnershipAction.HandedOver, FromUserId = from, ToUserId = to, Reason = handover.Reason, At = now, ByUserId = me,
        }), ct);
        if (handover.KeepCollaboratorUntil is { } until)
            await bulk.InsertAsync(ids.Select(id => new CustomerCollaborator { CustomerId = id, UserId = from, Until = until }), ct);
        await search.EnqueueNowAsync(CustomersModule.CustomerRecordType, ids, ct);
        await events.PublishAsync(new CustomersHandedOver(handover.Id, from, to, ids, handover.IncludeOpenRecords), ct);

        handover.Moved += moved;
        handover.RemindersMoved += reminders;
        handover.CollaboratorsAdded += handover.KeepCollaboratorUntil is null ? 0 : ids.Count;
        handover.Batches++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>After the last attempt the handover says so; in a scope of its own, as the failed batch's context is rolled back.</summary>
    private async Task MarkFailedAsync(Guid handoverId, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fresh = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var handover = await fresh.Set<CustomerHandover>().SingleAsync(h => h.Id == handoverId);
        handover.Status = HandoverStatus.Failed;
        handover.Error = error.Length > 1000 ? error[..1000] : error;
        handover.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await fresh.SaveChangesAsync();
    }
}
