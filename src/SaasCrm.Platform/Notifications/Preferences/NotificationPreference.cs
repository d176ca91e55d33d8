using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Notifications.Preferences;

/// <summary>The channels one user wants for one kind of notification; without a row the kind's defaults apply.</summary>
public sealed class NotificationPreference : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public NotificationChannels Channels { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.Property(x => x.Kind).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.UserId, x.Kind }).IsUnique();
    }
}

/// <summary>Reads which channels a user allows for a kind.</summary>
public sealed class NotificationPreferenceReader(Data.PlatformDbContext db, NotificationKinds kinds)
{
    public async Task<NotificationChannels> ChannelsForAsync(Guid userId, string kind, CancellationToken ct)
    {
        var stored = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.UserId == userId && p.Kind == kind).Select(p => (NotificationChannels?)p.Channels).FirstOrDefaultAsync(ct);
        return stored ?? kinds.DefaultsFor(kind);
    }
}
