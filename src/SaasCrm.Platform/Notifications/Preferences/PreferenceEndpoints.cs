using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Notifications.Preferences;

public sealed record NotificationPreferenceDto(string Kind, LocalizedText DisplayName, IReadOnlyList<NotificationChannels> Channels,
    IReadOnlyList<NotificationChannels> DefaultChannels, bool IsDefault);

public sealed record NotificationPreferenceItem(string Kind, IReadOnlyList<NotificationChannels>? Channels);
public sealed record UpdateNotificationPreferencesRequest(IReadOnlyList<NotificationPreferenceItem>? Items);

internal sealed class UpdateNotificationPreferencesValidator : AbstractValidator<UpdateNotificationPreferencesRequest>
{
    public UpdateNotificationPreferencesValidator(NotificationKinds kinds)
    {
        RuleFor(x => x.Items).NotNull().WithErrorCode("notification.preferences_required");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Kind).Must(k => kinds.Find(k) is not null).WithErrorCode("notification.unknown_kind")
                .WithMessage("Unknown notification kind.");
            item.RuleFor(i => i.Channels).NotNull().WithErrorCode("notification.channels_required");
            item.RuleForEach(i => i.Channels).Must(c => NotificationChannelSet.All.Contains(c)).WithErrorCode("notification.unknown_channel")
                .WithMessage("Choose InApp, Email or Sms.");
        });
    }
}

/// <summary>GET/PUT /api/notifications/preferences: the caller's channels per kind.</summary>
internal static class PreferenceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/preferences", ListAsync);
        group.MapPut("/preferences", async (UpdateNotificationPreferencesRequest request, PlatformDbContext db, ICurrentUser me, NotificationKinds kinds, CancellationToken ct) =>
        {
            var userId = me.Id!.Value;
            var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToListAsync(ct);
            foreach (var item in request.Items!)
            {
                var row = stored.FirstOrDefault(p => p.Kind == item.Kind);
                if (row is null) db.Add(row = new NotificationPreference { UserId = userId, Kind = item.Kind });
                row.Channels = NotificationChannelSet.Combine(item.Channels);
            }
            await db.SaveChangesAsync(ct);
            return await ListAsync(db, me, kinds, ct);
        }).Validate<UpdateNotificationPreferencesRequest>();
    }

    private static async Task<List<NotificationPreferenceDto>> ListAsync(PlatformDbContext db, ICurrentUser me, NotificationKinds kinds, CancellationToken ct)
    {
        var userId = me.Id!.Value;
        var stored = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Channels, ct);
        return kinds.All.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => new NotificationPreferenceDto(
            k.Name, k.DisplayName,
            NotificationChannelSet.Split(stored.TryGetValue(k.Name, out var mine) ? mine : k.DefaultChannels),
            NotificationChannelSet.Split(k.DefaultChannels),
            !stored.ContainsKey(k.Name))).ToList();
    }
}
