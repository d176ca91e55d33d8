using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Data;

/// <summary>Tables of the core customer records; feature folders configure their own tables.</summary>
internal static class CustomersModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Customer>(b =>
        {
            b.ToTable("Customers");
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.NormalizedName).HasMaxLength(200).IsRequired();
            b.Property(x => x.Code).HasMaxLength(64);
            b.Property(x => x.LevelCode).HasMaxLength(64);
            b.Property(x => x.SourceCode).HasMaxLength(64);
            b.Property(x => x.IndustryCode).HasMaxLength(64);
            b.Property(x => x.Province).HasMaxLength(64);
            b.Property(x => x.City).HasMaxLength(64);
            b.Property(x => x.District).HasMaxLength(64);
            b.Property(x => x.Address).HasMaxLength(500);
            b.Property(x => x.Website).HasMaxLength(300);
            b.Property(x => x.Remark).HasMaxLength(2000);
            StringList(b.Property(x => x.Phones));
            StringList(b.Property(x => x.Emails));
            StringList(b.Property(x => x.Tags));
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            // The list's common shapes: my customers by recency, a pool's customers, the pool release scan. The level and the
            // soft-delete flag at the end let the list's capped count over visible owners (with or without a level filter)
            // read this index alone, without looking up each row (CustomerListQuery; measured in docs/benchmarks.md).
            b.HasIndex(x => new { x.TenantId, x.Status, x.OwnerId, x.CreatedAt, x.Id, x.LevelCode, x.IsDeleted });
            // An owner's customers by name: the list's name sort and name prefix per visible owner (see CustomerListQuery).
            b.HasIndex(x => new { x.TenantId, x.Status, x.OwnerId, x.NormalizedName, x.Id });
            // The list's default and name sorts walk these in order and stop after a page.
            b.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt, x.Id });
            b.HasIndex(x => new { x.TenantId, x.Status, x.NormalizedName, x.Id });
            b.HasIndex(x => new { x.TenantId, x.Status, x.PoolId, x.PooledAt });
            b.HasIndex(x => new { x.TenantId, x.Status, x.LastFollowUpAt });
            b.HasIndex(x => new { x.TenantId, x.Status, x.NextFollowUpAt });
            b.HasIndex(x => new { x.TenantId, x.ServiceRepId });
            b.HasIndex(x => new { x.TenantId, x.MergedIntoId });
            b.HasIndex(x => new { x.TenantId, x.ImportBatchId });
        });
        builder.Entity<Contact>(b =>
        {
            b.ToTable("Contacts");
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Gender).HasMaxLength(16);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Department).HasMaxLength(100);
            b.Property(x => x.Mobile).HasMaxLength(32);
            b.Property(x => x.Phone).HasMaxLength(32);
            b.Property(x => x.MobileDigits).HasMaxLength(32);
            b.Property(x => x.PhoneDigits).HasMaxLength(32);
            b.Property(x => x.Email).HasMaxLength(256);
            b.Property(x => x.WeChat).HasMaxLength(64);
            b.Property(x => x.QQ).HasMaxLength(32);
            b.Property(x => x.Remark).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
            b.HasIndex(x => new { x.TenantId, x.ImportBatchId });
            b.HasIndex(x => new { x.TenantId, x.MobileDigits });
            b.HasIndex(x => new { x.TenantId, x.PhoneDigits });
        });
        builder.Entity<FollowUp>(b =>
        {
            b.ToTable("FollowUps");
            b.Property(x => x.MethodCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            b.Property(x => x.Result).HasMaxLength(1000);
            b.OwnsOne(x => x.CheckIn, c =>
            {
                c.Property(x => x.Address).HasMaxLength(500);
                c.Property(x => x.PhotoNote).HasMaxLength(1000);
            });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.At });
            b.HasIndex(x => new { x.TenantId, x.OwnerId, x.At });
        });
        builder.Entity<FollowUpAttachment>(b =>
        {
            b.ToTable("FollowUpAttachments");
            b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.FollowUpId });
            // The platform's file sweep asks which files are still attached.
            b.HasIndex(x => new { x.TenantId, x.FileId });
        });
        builder.Entity<Reminder>(b =>
        {
            b.ToTable("Reminders");
            b.Property(x => x.Subject).HasMaxLength(200).IsRequired();
            b.Property(x => x.Note).HasMaxLength(1000);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(x => new { x.TenantId, x.OwnerId, x.Status, x.DueAt });
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
        });
        builder.Entity<CustomerKey>(b =>
        {
            b.ToTable("CustomerKeys");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Value).HasMaxLength(200).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.Kind, x.Value });
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
        });
        builder.Entity<OwnershipRecord>(b =>
        {
            b.ToTable("CustomerOwnershipRecords");
            b.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.At });
            // Claims per day and the previous owner's cooldown are counted from here.
            b.HasIndex(x => new { x.TenantId, x.ToUserId, x.Action, x.At });
        });
        ConfigureSettings(builder);
        builder.Entity<CustomerCollaborator>(b =>
        {
            b.ToTable("CustomerCollaborators");
            b.HasIndex(x => new { x.TenantId, x.UserId, x.Until });
            b.HasIndex(x => new { x.TenantId, x.CustomerId });
        });
    }

    private static void ConfigureSettings(ModelBuilder builder) =>
        builder.Entity<CustomerSettings>(b =>
        {
            b.ToTable("CustomerSettings");
            b.HasIndex(x => x.TenantId).IsUnique();
        });

    /// <summary>Phones, emails and tags: a JSON array in one column, compared by content so edits are seen.</summary>
    private static void StringList(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()))
            .HasMaxLength(2000);
}
