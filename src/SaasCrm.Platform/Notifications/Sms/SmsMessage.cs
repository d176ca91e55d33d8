using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Notifications.Sms;

/// <summary>An SMS as recorded by the default provider (no gateway configured): what would have been sent, to whom.</summary>
public sealed class SmsMessage : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; set; }
    public string PhoneNumber { get; set; } = "";
    public string Text { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("SmsMessages");
        b.Property(x => x.PhoneNumber).HasMaxLength(32).IsRequired();
        b.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        b.Property(x => x.IdempotencyKey).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}
