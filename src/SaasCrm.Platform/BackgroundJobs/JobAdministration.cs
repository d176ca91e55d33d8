using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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
        MapGroup(app.MapGroup("/api/host/jobs").WithTags("Background jobs (host)"), PlatformPermissions.Jobs.Default, PlatformPermissions.Jobs.Manage);
        MapGroup(app.MapGroup("/api/jobs").WithTags("Background jobs"), PlatformPermissions.TenantJobs.Default, PlatformPermissions.TenantJobs.Manage);
    }

    private static void MapGroup(RouteGroupBuilder group, string view, string manage)
    {
        group.MapGet("/", (JobAdministrationService s, JobStatus? status, string? jobName, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(status, jobName, page, pageSize, ct)).RequirePermission(view);
        group.MapPost("/{id:guid}/retry", async (Guid id, JobAdministrationService s, CancellationToken ct) =>
        {
            await s.RetryAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapPost("/{id:guid}/cancel", async (Guid id, JobAdministrationService s, CancellationToken ct) =>
        {
            await s.CancelAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
