using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.BackgroundJobs;

public sealed record JobDto(Guid Id, Guid? TenantId, string JobName, JobStatus Status, int Attempts, int MaxAttempts, DateTime NextRunAt,
    string? LastError, string? UserName, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>
/// Jobs and incidents (dead-lettered jobs) for the operator (all tenants) and for a tenant admin (their own).
/// The jobs table is not tenant-filtered, so tenant-side calls name the tenant explicitly.
/// </summary>
public sealed class JobAdministrationService(PlatformDbContext db, ICurrentTenant currentTenant, TimeProvider clock)
{
    public async Task<PagedResult<JobDto>> ListAsync(JobStatus? status, string? jobName, int? page, int? pageSize, CancellationToken ct)
    {
        var query = Visible();
        if (status is { } s) query = query.Where(j => j.Status == s);
        if (!string.IsNullOrWhiteSpace(jobName)) query = query.Where(j => j.JobName == jobName);
        var paged = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Select(j => new JobDto(j.Id, j.TenantId, j.JobName, j.Status, j.Attempts, j.MaxAttempts, j.NextRunAt, j.LastError, j.UserName, j.CreatedAt, j.CompletedAt))
            .ToPageAsync(page, pageSize, ct);
        return paged;
    }

    /// <summary>An incident (or a cancelled job) gets a fresh set of attempts, due now.</summary>
    public async Task RetryAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var affected = await Visible().Where(j => j.Id == id && (j.Status == JobStatus.Incident || j.Status == JobStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Pending).SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.NextRunAt, now).SetProperty(j => j.CompletedAt, (DateTime?)null), ct);
        if (affected == 0) await ThrowWhyNotAsync(id, "retried", ct);
    }

    public async Task CancelAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var affected = await Visible().Where(j => j.Id == id && (j.Status == JobStatus.Incident || j.Status == JobStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CompletedAt, now), ct);
        if (affected == 0) await ThrowWhyNotAsync(id, "cancelled", ct);
    }

    /// <summary>For the operator naming a tenant (host side: the tenants table is the host database's).</summary>
    public Task<bool> TenantExistsAsync(Guid tenantId, CancellationToken ct) => db.Tenants.AnyAsync(t => t.Id == tenantId, ct);

    private IQueryable<BackgroundJobRecord> Visible()
    {
        var tenantId = currentTenant.Id;
        return tenantId is null ? db.BackgroundJobs : db.BackgroundJobs.Where(j => j.TenantId == tenantId);
    }

    private async Task ThrowWhyNotAsync(Guid id, string verb, CancellationToken ct)
    {
        var status = await Visible().Where(j => j.Id == id).Select(j => (JobStatus?)j.Status).FirstOrDefaultAsync(ct);
        if (status is null) throw new EntityNotFoundException("Job", id);
        throw new BusinessException("job.invalid_state", $"A job that is {status.Value.ToString().ToLowerInvariant()} cannot be {verb}.", 409);
    }
}

public static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // The operator: all tenants in the host database, or one tenant's jobs (in its own database when it has one).
        var host = app.MapGroup("/api/host/jobs").WithTags("Background jobs (host)");
        host.MapGet("/", (JobAdministrationService s, ITenantScopeFactory scopes, Guid? tenantId, JobStatus? status, string? jobName, int? page, int? pageSize, CancellationToken ct) =>
            InTenantAsync(s, scopes, tenantId, x => x.ListAsync(status, jobName, page, pageSize, ct), ct)).RequirePermission(PlatformPermissions.Jobs.Default);
        host.MapPost("/{id:guid}/retry", async (Guid id, JobAdministrationService s, ITenantScopeFactory scopes, Guid? tenantId, CancellationToken ct) =>
        {
            await InTenantAsync(s, scopes, tenantId, async x => { await x.RetryAsync(id, ct); return true; }, ct);
            return Results.NoContent();
        }).RequirePermission(PlatformPermissions.Jobs.Manage);
        host.MapPost("/{id:guid}/cancel", async (Guid id, JobAdministrationService s, ITenantScopeFactory scopes, Guid? tenantId, CancellationToken ct) =>
        {
            await InTenantAsync(s, scopes, tenantId, async x => { await x.CancelAsync(id, ct); return true; }, ct);
            return Results.NoContent();
        }).RequirePermission(PlatformPermissions.Jobs.Manage);

        // A tenant admin: the own tenant's, wherever its database is (the context connects there).
        var tenantGroup = app.MapGroup("/api/jobs").WithTags("Background jobs");
        tenantGroup.MapGet("/", (JobAdministrationService s, JobStatus? status, string? jobName, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(status, jobName, page, pageSize, ct)).RequirePermission(PlatformPermissions.TenantJobs.Default);
        tenantGroup.MapPost("/{id:guid}/retry", async (Guid id, JobAdministrationService s, CancellationToken ct) =>
        {
            await s.RetryAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(PlatformPermissions.TenantJobs.Manage);
        tenantGroup.MapPost("/{id:guid}/cancel", async (Guid id, JobAdministrationService s, CancellationToken ct) =>
        {
            await s.CancelAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(PlatformPermissions.TenantJobs.Manage);
    }

    /// <summary>
    /// The operator's call as the named tenant, in a scope of its own so the context is created for that tenant's
    /// database; an unknown tenant is a 404. Without a tenant, the request's (host) service: every tenant's jobs in the
    /// host database.
    /// </summary>
    private static async Task<T> InTenantAsync<T>(JobAdministrationService host, ITenantScopeFactory scopes, Guid? tenantId,
        Func<JobAdministrationService, Task<T>> call, CancellationToken ct)
    {
        if (tenantId is not { } id) return await call(host);
        if (!await host.TenantExistsAsync(id, ct)) throw new EntityNotFoundException("Tenant", id);
        await using var scope = scopes.Create(id);
        return await call(scope.Services.GetRequiredService<JobAdministrationService>());
    }
}
