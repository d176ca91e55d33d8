using System.Globalization;
using NodaTime;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Notifications.Contacts;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

/// <summary>
/// Notifies users through the platform (a notification row plus delivery jobs in the step's transaction) and the
/// record's customer by email/SMS (delivery jobs to their address). The key is instance + step + execution, so a
/// retried step never notifies twice.
/// </summary>
public sealed partial class NotifyActivity : IWorkflowActivity
{
    public const string NotificationKind = "workflow";

    public string Name => "Notify";
    public LocalizedText Label { get; } = new("Notify", "通知");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("channels", "list", true, new("inApp, email, sms", "站内信、邮件、短信")),
        new("recipients", "list", true, new("assignee, departmentHead, customer, user:<id>, role:<name>", "处理人、部门负责人、客户、user:<id>、role:<name>")),
        new("subject", "localizedText", true, new("Subject {en, zh} with {{title}}, {{field.x}}, {{var.x}}", "标题 {en, zh}，可用 {{title}}、{{field.x}}、{{var.x}}")),
        new("body", "localizedText", false, new("Body {en, zh}", "正文 {en, zh}")),
    ];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (scope.Require(step, "recipients"))
            foreach (var r in (step.Properties["recipients"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? ""))
                if (!Recipients.IsValid(r)) scope.Error("workflow.missing_property", "properties.recipients", $"'{r}' is not a recipient.");
        if (scope.Require(step, "channels"))
            foreach (var c in (step.Properties["channels"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? ""))
                if (c is not ("inApp" or "email" or "sms")) scope.Error("workflow.missing_property", "properties.channels", $"'{c}' is not a channel (inApp, email, sms).");
        scope.Require(step, "subject");
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var recipients = (context.Properties["recipients"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
        var channels = (context.Properties["channels"] as JsonArray ?? []).Select(n => n!.GetValue<string>())
            .Aggregate(NotificationChannels.None, (all, c) => all | c switch
            {
                "inApp" => NotificationChannels.InApp, "email" => NotificationChannels.Email, "sms" => NotificationChannels.Sms, _ => NotificationChannels.None,
            });
        var users = await context.Services.GetRequiredService<Recipients>().UsersAsync(recipients, context, cancellationToken);
        // Dates read in the tenant's time zone (that of its default business calendar), named so no one takes them for their own.
        var zone = await context.Services.GetRequiredService<ITenantTimeZone>().TimeZoneIdAsync(cancellationToken);
        var subject = Render(Localized(context.Properties["subject"], "en"), context, "en", zone);
        var body = context.Properties["body"] is { } b ? Render(Localized(b, "en"), context, "en", zone) : null;
        var subjectZh = Render(Localized(context.Properties["subject"], "zh"), context, "zh", zone);
        var bodyZh = context.Properties["body"] is { } bz ? Render(Localized(bz, "zh"), context, "zh", zone) : null;
        if (!context.DryRun)
        {
            // Each user reads it in the language they chose; without a choice, English as before.
            var chinese = await ChineseReadersAsync(context, users, cancellationToken);
            var sender = context.Services.GetRequiredService<INotificationSender>();
            foreach (var user in users)
            {
                var zh = chinese.Contains(user);
                await sender.SendAsync(new NotificationMessage(user, NotificationKind, zh ? subjectZh : subject, zh ? bodyZh : body, null, channels,
                    context.IdempotencyKey($"notify:{user:N}")), cancellationToken);
            }
        }
        var note = $"notified {users.Count} user(s): {subject}";
        var entry = JournalNote.Of("notified", ("count", users.Count), ("subjectEn", subject), ("subjectZh", subjectZh));
        if (recipients.Contains("customer"))
        {
            var (customerNote, customerEntry) = await NotifyCustomerAsync(context, channels, subject, body, cancellationToken);
            note += customerNote;
            entry = new JournalNote(customerEntry.Code, entry.Args.Concat(customerEntry.Args).ToDictionary());
        }
        return new NextResult(note) { Entry = entry };
    }

    private static async Task<HashSet<Guid>> ChineseReadersAsync(ActivityContext context, IReadOnlyCollection<Guid> users, CancellationToken ct)
    {
        if (users.Count == 0) return [];
        var ids = users.ToList();
        var db = context.Services.GetRequiredService<PlatformDbContext>();
        return (await db.Users.Where(u => ids.Contains(u.Id) && u.Language != null && u.Language.StartsWith("zh")).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Email and SMS to the record's customer contact point (never in-app: a customer is not a user).</summary>
    private static async Task<(string Note, JournalNote Entry)> NotifyCustomerAsync(ActivityContext context, NotificationChannels channels, string subject, string? body, CancellationToken ct)
    {
        var contact = context.Record?.Customer;
        var email = channels.HasFlag(NotificationChannels.Email) ? contact?.Email : null;
        var mobile = channels.HasFlag(NotificationChannels.Sms) ? contact?.Mobile : null;
        if (email is null && mobile is null) return ("; the customer has no email or mobile for these channels", JournalNote.Of("notifiedCustomerUnreachable"));
        if (!context.DryRun)
            await context.Services.GetRequiredService<IContactMessageSender>().SendAsync(
                new ContactMessage(contact!.Name, email, mobile, subject, body, channels, context.IdempotencyKey("notify:customer")), ct);
        var ways = new[] { email is null ? null : "email", mobile is null ? null : "sms" }.OfType<string>().ToList();
        return ($"; customer {contact!.Name} by {string.Join(" and ", ways.Select(w => w == "sms" ? "SMS" : w))}",
            JournalNote.Of("notifiedCustomer", ("customer", contact.Name), ("channels", string.Join(",", ways))));
    }

    /// <summary>The text in <paramref name="language"/> ("en" or "zh"), else the other one; a plain string as it is.</summary>
    private static string Localized(JsonNode? node, string language) => node switch
    {
        JsonObject o => o[language]?.GetValue<string>() ?? o[language == "zh" ? "en" : "zh"]?.GetValue<string>() ?? "",
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    internal static string Render(string template, ActivityContext context, string language = "en", string timeZone = "UTC") =>
        Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value.Trim();
            if (key == "title") return context.Record?.Title ?? "";
            var value = key.StartsWith("field.", StringComparison.Ordinal) ? context.Read(key[6..]) : context.Read(key);
            return FormatValue(value, language, timeZone);
        });

    /// <summary>
    /// A placeholder's value as the reader sees it: an instant in <paramref name="timeZone"/> (an IANA id; UTC when
    /// unknown) with the zone named, in the message's language; other values invariantly.
    /// </summary>
    internal static string FormatValue(object? value, string language, string timeZone = "UTC")
    {
        DateTime? utc = value switch
        {
            DateTime d => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTimeOffset o => o.UtcDateTime,
            _ => null,
        };
        if (utc is not { } at) return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeUtc(at).InZone(zone).ToDateTimeUnspecified();
        var name = zone == DateTimeZone.Utc ? "UTC" : zone.Id;
        return language == "zh"
            ? local.ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture) + $" ({name})"
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" {name}";
    }

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Placeholder();
}
