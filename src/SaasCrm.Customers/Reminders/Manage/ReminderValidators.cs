using FluentValidation;
using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Reminders.Manage;

internal static class ReminderRules
{
    public static void Subject<T>(IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithErrorCode("reminder.subject_required").MaximumLength(200).WithErrorCode("reminder.subject_too_long");

    public static void Channels<T>(IRuleBuilder<T, IReadOnlyList<ReminderChannels>?> rule) =>
        rule.Must(c => c is null || (c.Count > 0 && c.All(ReminderChannelList.IsSingle)))
            .WithErrorCode("reminder.invalid_channels").WithMessage("Choose one or more of InApp, Email and Sms.");

    public static void Future<T>(IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock, string code) =>
        rule.Must(d => d is null || d.Value > clock.GetUtcNow()).WithErrorCode(code).WithMessage("The time must be in the future.");
}

internal sealed class CreateReminderValidator : AbstractValidator<CreateReminderRequest>
{
    public CreateReminderValidator(TimeProvider clock)
    {
        ReminderRules.Subject(RuleFor(x => x.Subject));
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("reminder.note_too_long");
        RuleFor(x => x.DueAt).NotNull().WithErrorCode("reminder.due_required");
        ReminderRules.Future(RuleFor(x => x.DueAt), clock, "reminder.due_in_past");
        ReminderRules.Channels(RuleFor(x => x.Channels));
    }
}

internal sealed class UpdateReminderValidator : AbstractValidator<UpdateReminderRequest>
{
    public UpdateReminderValidator()
    {
        ReminderRules.Subject(RuleFor(x => x.Subject));
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("reminder.note_too_long");
        RuleFor(x => x.DueAt).NotNull().WithErrorCode("reminder.due_required");
        ReminderRules.Channels(RuleFor(x => x.Channels));
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
    }
}

internal sealed class SnoozeReminderValidator : AbstractValidator<SnoozeReminderRequest>
{
    public SnoozeReminderValidator(TimeProvider clock)
    {
        RuleFor(x => x).Must(x => x.Until is null != x.Minutes is null).OverridePropertyName("until")
            .WithErrorCode("reminder.snooze_until_or_minutes").WithMessage("Give either a time or a number of minutes.");
        RuleFor(x => x.Minutes).InclusiveBetween(1, 7 * 24 * 60).WithErrorCode("reminder.snooze_minutes_out_of_range");
        ReminderRules.Future(RuleFor(x => x.Until), clock, "reminder.snooze_in_past");
    }
}
