using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Handover;

internal sealed class StartHandoverValidator : AbstractValidator<StartHandoverRequest>
{
    public StartHandoverValidator(IOptions<HandoverOptions> options)
    {
        RuleFor(r => r.FromUserId).NotEmpty();
        RuleFor(r => r.ToUserId).NotEmpty()
            .NotEqual(r => r.FromUserId).WithErrorCode("handover.same_user").WithMessage("The customers cannot be handed over to their own owner.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.CustomerIds!.Count).LessThanOrEqualTo(options.Value.MaxCustomerIds).OverridePropertyName("customerIds")
            .When(r => r.CustomerIds is not null);
        RuleForEach(r => r.Filter!.LevelCodes).NotEmpty().MaximumLength(64).OverridePropertyName("filter.levelCodes").When(r => r.Filter?.LevelCodes is not null);
        RuleForEach(r => r.Filter!.Tags).NotEmpty().MaximumLength(200).OverridePropertyName("filter.tags").When(r => r.Filter?.Tags is not null);
    }
}

/// <summary>Checks the request, records the handover with its total and queues the job that moves the customers.</summary>
internal sealed class StartHandover(
    PlatformDbContext db,
    IDataScopeFilter scope,
    ICurrentTenant tenant,
    IBackgroundJobManager jobs,
    HandoverQueries queries,
    TimeProvider clock)
{
    public async Task<HandoverDto> ExecuteAsync(StartHandoverRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Another tenant's user, or one outside the caller's data scope, does not exist for the caller.
        if (!await db.Users.AnyAsync(u => u.Id == request.FromUserId, ct) || !await scope.CanSeeOwnerAsync(request.FromUserId, ct))
            throw new EntityNotFoundException("User", request.FromUserId);
        var target = await db.Users.Where(u => u.Id == request.ToUserId).Select(u => new { u.IsActive }).FirstOrDefaultAsync(ct)
                     ?? throw new EntityNotFoundException("User", request.ToUserId);
        if (!target.IsActive)
            throw RequestValidationException.For("toUserId", "handover.target_inactive", "The new owner's account is disabled.");
        if (request.KeepCollaboratorUntil is { } until && until.ToUniversalTime() <= now)
            throw RequestValidationException.For("keepCollaboratorUntil", "handover.until_in_past", "The collaboration end must be in the future.");

        var handover = new CustomerHandover
        {
            FromUserId = request.FromUserId,
            ToUserId = request.ToUserId,
            LevelCodes = Clean(request.Filter?.LevelCodes),
            Tags = Clean(request.Filter?.Tags),
            CustomerIds = request.CustomerIds?.Distinct().ToList(),
            IncludeReminders = request.IncludeReminders,
            IncludeOpenRecords = request.IncludeOpenRecords ?? true,
            KeepCollaboratorUntil = request.KeepCollaboratorUntil?.ToUniversalTime(),
            Reason = request.Reason.Trim(),
            Status = HandoverStatus.Queued,
            RequestedAt = now,
        };
        handover.Total = await HandoverSelection.Remaining(db, tenant.Id, handover).CountAsync(ct);
        if (handover.Total == 0)
            throw RequestValidationException.For("fromUserId", "handover.no_customers", "The previous owner has no active customers matching the selection.");

        db.Add(handover);
        await jobs.EnqueueAsync(new HandoverJobArgs(handover.Id), idempotencyKey: $"customer-handover:{handover.Id:N}", cancellationToken: ct);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(handover.Id, ct);
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        values?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList() ?? [];
}
