using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge;

/// <summary>Tables of the knowledge base. Every index starts with TenantId.</summary>
internal static class KnowledgeModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Article>(b =>
        {
            b.ToTable("KnowledgeArticles");
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Body).IsRequired();
            b.Property(x => x.CategoryCode).HasMaxLength(64).IsRequired();
            StringList(b.Property(x => x.Tags));
            b.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            // The list (newest first, by category) and the portal's published-for-my-kind list.
            b.HasIndex(x => new { x.TenantId, x.CategoryCode, x.ModifiedAt });
            b.HasIndex(x => new { x.TenantId, x.Status, x.Visibility, x.PublishedAt });
            b.HasIndex(x => new { x.TenantId, x.SourceTicketId });
        });
        builder.Entity<ArticleVersion>(b =>
        {
            b.ToTable("KnowledgeArticleVersions");
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Body).IsRequired();
            b.Property(x => x.CategoryCode).HasMaxLength(64).IsRequired();
            StringList(b.Property(x => x.Tags));
            b.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Note).HasMaxLength(64).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.ArticleId, x.Number }).IsUnique();
        });
        builder.Entity<ArticleAttachment>(b =>
        {
            b.ToTable("KnowledgeArticleAttachments");
            b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.ArticleId });
            // The platform's file sweep asks which files are still attached.
            b.HasIndex(x => new { x.TenantId, x.FileId });
        });
        builder.Entity<ArticleFeedback>(b =>
        {
            b.ToTable("KnowledgeArticleFeedback");
            b.HasIndex(x => new { x.TenantId, x.ArticleId, x.UserId }).IsUnique();
        });
    }

    private static void StringList(PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()))
            .HasMaxLength(2000);
}
