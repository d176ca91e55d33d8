using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Data;

/// <summary>
/// Runs inside every SaveChanges, so no code path can skip it: stamps and guards TenantId, turns deletes of
/// <see cref="ISoftDelete"/> rows into updates, stamps audit fields and concurrency stamps, and writes the
/// entity change log in the same transaction. After commit it wakes the job worker for jobs just queued.
/// </summary>
public sealed class PlatformSaveChangesInterceptor(
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    TimeProvider clock,
    IJobSignal jobSignal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> QueuedJobs = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Apply(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Apply(context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<EntityChange>();
        var briefly = BriefCreateLog.Of(context);
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is BackgroundJobRecord && entry.State == EntityState.Added) QueuedJobs.AddOrUpdate(context, true);

            GuardTenant(entry);
            var changeType = ToChangeType(entry);
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDelete softDelete)
            {
                entry.State = EntityState.Modified;
                softDelete.IsDeleted = true;
            }
            StampAuditFields(entry, now);
            if (entry.Entity is IChangeTracked && EntityChangeFactory.Create(entry, changeType, now, currentUser, briefly) is { } change)
            {
                changes.Add(change);
            }
        }
        foreach (var change in changes)
        {
            GuardTenant(context.Add(change)); // added after the loop: stamp their tenant the same way
        }
    }

    private void GuardTenant(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant) return;
        var property = entry.Property(nameof(IMultiTenant.TenantId));
        if (entry.State == EntityState.Added)
        {
            property.CurrentValue = currentTenant.Id;
            return;
        }
        // Original and current must both be ours. TenantId is also a concurrency token (see PlatformDbContext),
        // so an UPDATE/DELETE of a detached entity whose row belongs to another tenant matches no row.
        if (!Equals(property.OriginalValue, currentTenant.Id) || !Equals(property.CurrentValue, currentTenant.Id))
        {
            throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
        }
        property.IsModified = false;
    }

    private static EntityChangeType ToChangeType(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => EntityChangeType.Created,
        EntityState.Deleted => EntityChangeType.Deleted,
        _ when entry.Entity is ISoftDelete { IsDeleted: true } && entry.Property(nameof(ISoftDelete.IsDeleted)).IsModified => EntityChangeType.Deleted,
        _ => EntityChangeType.Updated,
    };

    private void StampAuditFields(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is IHasAuditFields audited)
        {
            if (entry.State == EntityState.Added)
            {
                audited.CreatedAt = now;
                audited.CreatedBy = currentUser.Id;
            }
            else
            {
                audited.ModifiedAt = now;
                audited.ModifiedBy = currentUser.Id;
            }
        }
        if (entry.State == EntityState.Modified && entry.Entity is IHasConcurrencyStamp stamped)
        {
            // The original value (what the caller read) stays the concurrency check; the row gets a new one.
            stamped.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context is null || !QueuedJobs.TryGetValue(context, out _)) return;
        if (context.Database.CurrentTransaction is not null) return; // signalled on commit instead
        QueuedJobs.Remove(context);
        jobSignal.Notify();
    }

    // IDbTransactionInterceptor: only the commit matters here.
    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && QueuedJobs.Remove(context)) jobSignal.Notify();
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }
}
