using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Data;

/// <summary>
/// Writes many NEW entities with multi-row <c>INSERT … VALUES (…),(…)</c> on the context's connection and current
/// transaction, without the change tracker: the write path for bulk work (imports, handovers), where tracking and
/// one statement per row cost more than the data. It gives the rows what <see cref="PlatformSaveChangesInterceptor"/>
/// gives tracked inserts: TenantId from <see cref="ICurrentTenant"/> (whatever the caller set), CreatedAt/CreatedBy,
/// a concurrency stamp, and the change log of <see cref="IChangeTracked"/> entities (brief inside
/// <see cref="BriefCreateLog.LogCreatesBriefly"/>, as with SaveChanges), written the same way in the same transaction.
/// Values go through each column's <see cref="RelationalTypeMapping"/>, so converters, enums and JSON lists are stored
/// exactly as SaveChanges stores them. Store-generated columns (identity keys, computed columns) are left to the database.
/// Entities stay untracked, and related entities are not followed: insert each kind with its own call, parents first.
/// Without a current transaction the call runs in one of its own, so it is all or nothing either way.
/// </summary>
public sealed class BulkInsert(PlatformDbContext db, ICurrentTenant currentTenant, ICurrentUser currentUser, TimeProvider clock)
{
    /// <returns>The number of rows written, change-log rows included.</returns>
    public async Task<int> InsertAsync<T>(IEnumerable<T> entities, CancellationToken ct = default) where T : class
    {
        var rows = entities as IReadOnlyCollection<T> ?? entities.ToList();
        if (rows.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var briefly = BriefCreateLog.Of(db);
        var changes = new List<EntityChange>();
        // Usually one CLR type; a hierarchy mapped to one table (TPH) gets one plan per concrete type.
        var groups = rows.GroupBy(e => e.GetType()).Select(g => (Plan: BulkInsertPlan.For(db, g.Key), Rows: (IReadOnlyList<object>)g.ToList())).ToList();
        foreach (var (plan, group) in groups)
        {
            foreach (var entity in group)
            {
                Stamp(plan, entity, now);
                if (entity is IChangeTracked) changes.Add(EntityChangeFactory.Created(plan.EntityType, entity, now, currentUser, briefly));
            }
        }
        foreach (var change in changes) Stamp(BulkInsertPlan.For(db, typeof(EntityChange)), change, now);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = 0;
            foreach (var (plan, group) in groups) written += await WriteAsync(plan, group, ct);
            if (changes.Count > 0)
            {
                written += await WriteAsync(BulkInsertPlan.For(db, typeof(EntityChange)), changes, ct);
                written += await WriteAsync(BulkInsertPlan.For(db, typeof(EntityPropertyChange)), changes.SelectMany(c => c.PropertyChanges).ToList(), ct);
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>What the SaveChanges interceptor does to an added entry, done to the object itself.</summary>
    private void Stamp(BulkInsertPlan plan, object entity, DateTime now)
    {
        if (entity is BackgroundJobRecord)
            throw new NotSupportedException("Jobs are queued through IBackgroundJobManager, which wakes the worker after commit.");
        if (entity is IMultiTenant) plan.SetTenant(entity, currentTenant.Id); // never the caller's value
        if (entity is IHasAuditFields audited)
        {
            audited.CreatedAt = now;
            audited.CreatedBy = currentUser.Id;
        }
        if (entity is IHasConcurrencyStamp { ConcurrencyStamp: null or "" } stamped) stamped.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private async Task<int> WriteAsync(BulkInsertPlan plan, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var timeout = db.Database.GetCommandTimeout();
        var columns = plan.Columns;
        var perStatement = Math.Clamp(plan.MaxParameters / columns.Count, 1, BulkInsertPlan.MaxRowsPerStatement);
        var written = 0;
        var prototypes = new (DbParameter? ForNull, DbParameter? ForValue)[columns.Count];
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (timeout is { } seconds) command.CommandTimeout = seconds;
            var sql = new StringBuilder(plan.InsertPrefix, plan.InsertPrefix.Length + count * columns.Count * 8);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                var entity = rows[start + r];
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++, p++)
                {
                    var column = columns[c];
                    if (c > 0) sql.Append(", ");
                    sql.Append(plan.Placeholder(p));
                    command.Parameters.Add(Parameter(command, column, ref prototypes[c], plan.ParameterName(p), column.Read(entity)));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            written += await command.ExecuteNonQueryAsync(ct);
        }
        return written;
    }

    /// <summary>
    /// The parameter for one value. EF's type mapping builds the column's first null one and first non-null one
    /// (converter, DbType, facets); later values get a clone of the matching one with their own value when the
    /// provider's parameters are cloneable. Building each one anew makes the provider resolve its type again for every
    /// value: with MySqlConnector that lookup was most of an import's CPU (profiled). A clone keeps the type the mapping
    /// chose, so the value is written the same way.
    /// </summary>
    private static DbParameter Parameter(DbCommand command, BulkInsertColumn column, ref (DbParameter? ForNull, DbParameter? ForValue) prototypes, string name, object? value)
    {
        ref var prototype = ref value is null ? ref prototypes.ForNull : ref prototypes.ForValue;
        if (prototype is ICloneable cloneable)
        {
            var clone = (DbParameter)cloneable.Clone();
            clone.ParameterName = name;
            if (value is not null) clone.Value = column.ToProvider(value) ?? DBNull.Value;
            return clone;
        }
        var parameter = column.Mapping.CreateParameter(command, name, value, column.Nullable);
        if (parameter is ICloneable)
        {
            if (value is not null) parameter.DbType = parameter.DbType; // pins the type the value gave it, so clones do not look it up again
            prototype = parameter;
        }
        return parameter;
    }
}
