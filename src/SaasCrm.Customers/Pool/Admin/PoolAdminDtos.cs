using FluentValidation;

namespace SaasCrm.Customers.Pool.Admin;

public sealed record PoolRuleDto(string? LevelCode, int? DaysWithoutFollowUp, int? DaysWithoutDeal);

/// <summary>Create or edit a pool: members are users and/or departments (with their sub-departments).</summary>
public sealed record SavePoolRequest(
    string Name,
    string? Description,
    IReadOnlyList<Guid>? MemberUserIds,
    IReadOnlyList<Guid>? MemberDepartmentIds,
    IReadOnlyList<PoolRuleDto>? Rules,
    int WarnDaysBefore,
    int? MaxCustomersPerRep,
    int? MaxClaimsPerDay,
    int? ReclaimCooldownDays,
    string? ConcurrencyStamp);

public sealed record PoolDto(
    Guid Id,
    string Name,
    string? Description,
    IReadOnlyList<Guid> MemberUserIds,
    IReadOnlyList<Guid> MemberDepartmentIds,
    IReadOnlyList<PoolRuleDto> Rules,
    int WarnDaysBefore,
    int? MaxCustomersPerRep,
    int? MaxClaimsPerDay,
    int? ReclaimCooldownDays,
    int CustomerCount,
    DateTime? LastRunAt,
    int LastRunReleased,
    int LastRunWarned,
    string ConcurrencyStamp);

internal sealed class SavePoolRequestValidator : AbstractValidator<SavePoolRequest>
{
    public SavePoolRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("pool.name_required").MaximumLength(100);
        RuleFor(x => x.Description).MaximumLength(500);
        RuleFor(x => x.WarnDaysBefore).InclusiveBetween(0, 365).WithErrorCode("pool.warn_days_invalid");
        RuleFor(x => x.MaxCustomersPerRep).InclusiveBetween(0, 1_000_000).When(x => x.MaxCustomersPerRep != null).WithErrorCode("pool.limit_invalid");
        RuleFor(x => x.MaxClaimsPerDay).InclusiveBetween(0, 100_000).When(x => x.MaxClaimsPerDay != null).WithErrorCode("pool.limit_invalid");
        RuleFor(x => x.ReclaimCooldownDays).InclusiveBetween(0, 3650).When(x => x.ReclaimCooldownDays != null).WithErrorCode("pool.limit_invalid");
        RuleFor(x => x.MemberUserIds).Must(ids => ids is null || ids.Count <= 1000).WithErrorCode("pool.too_many_members");
        RuleFor(x => x.MemberDepartmentIds).Must(ids => ids is null || ids.Count <= 1000).WithErrorCode("pool.too_many_members");
        RuleFor(x => x.Rules).Must(r => r is null || r.Select(x => x.LevelCode ?? "").Distinct().Count() == r.Count)
            .WithErrorCode("pool.rule_duplicate_level").WithMessage("Each level may have one rule, and there is one default rule.");
        RuleForEach(x => x.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r).Must(r => r.DaysWithoutFollowUp != null || r.DaysWithoutDeal != null)
                .WithErrorCode("pool.rule_empty").WithMessage("A rule needs days without a follow-up, days without a deal, or both.");
            rule.RuleFor(r => r.DaysWithoutFollowUp).InclusiveBetween(1, 3650).When(r => r.DaysWithoutFollowUp != null).WithErrorCode("pool.rule_days_invalid");
            rule.RuleFor(r => r.DaysWithoutDeal).InclusiveBetween(1, 3650).When(r => r.DaysWithoutDeal != null).WithErrorCode("pool.rule_days_invalid");
        });
    }
}
