using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal;

/// <summary>Portal tables. Every index starts with TenantId.</summary>
internal static class PortalModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PortalAccount>(b =>
        {
            b.ToTable("PortalAccounts");
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Email).HasMaxLength(256);
            b.Property(x => x.Mobile).HasMaxLength(32);
            b.Property(x => x.SignUpCompany).HasMaxLength(200);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.ContactId });
            b.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
        });
        builder.Entity<PortalInvitation>(b =>
        {
            b.ToTable("PortalInvitations");
            b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.TokenHash }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.AccountId });
        });
        builder.Entity<PortalSettings>(b =>
        {
            b.ToTable("PortalSettings");
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.TenantId).IsUnique();
        });
        builder.Entity<Partner>(b =>
        {
            b.ToTable("Partners");
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.ContactName).HasMaxLength(100);
            b.Property(x => x.Phone).HasMaxLength(32);
            b.Property(x => x.Email).HasMaxLength(256);
            b.Property(x => x.Modules).HasConversion(
                    v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                    v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                    new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()))
                .HasMaxLength(400);
            b.HasIndex(x => new { x.TenantId, x.Name });
        });
        builder.Entity<PartnerUser>(b =>
        {
            b.ToTable("PartnerUsers");
            b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.PartnerId });
        });
        builder.Entity<PartnerCustomer>(b =>
        {
            b.ToTable("PartnerCustomers");
            b.HasIndex(x => new { x.TenantId, x.PartnerId, x.CustomerId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
        });
    }
}
