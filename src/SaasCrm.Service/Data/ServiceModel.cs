using Microsoft.EntityFrameworkCore;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Data;

/// <summary>Tables of the service desk. Every index starts with TenantId.</summary>
internal static class ServiceModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Ticket>(b =>
        {
            b.ToTable("Tickets");
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Description).HasMaxLength(4000);
            b.Property(x => x.CategoryCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.PriorityCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.RelatedRecordType).HasMaxLength(32);
            b.Property(x => x.ContactName).HasMaxLength(100);
            b.Property(x => x.ContactMobile).HasMaxLength(32);
            b.Property(x => x.ContactEmail).HasMaxLength(256);
            b.Property(x => x.SatisfactionComment).HasMaxLength(1000);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            // My tickets, the team queue, a customer's tickets, overdue scans.
            b.HasIndex(x => new { x.TenantId, x.AssigneeId, x.Status, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.DepartmentId, x.AssigneeId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.Status, x.ResolutionDueAt });
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });
        builder.Entity<TicketComment>(b =>
        {
            b.ToTable("TicketComments");
            b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.TicketId, x.At });
        });
        builder.Entity<TicketAttachment>(b =>
        {
            b.ToTable("TicketAttachments");
            b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.TicketId });
            // The platform's file sweep asks which files are still attached.
            b.HasIndex(x => new { x.TenantId, x.FileId });
        });
        builder.Entity<Complaint>(b =>
        {
            b.ToTable("Complaints");
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            b.Property(x => x.TypeCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.SeverityCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.ProductCategoryCode).HasMaxLength(64);
            b.Property(x => x.BrandCode).HasMaxLength(64);
            b.Property(x => x.ContactName).HasMaxLength(100);
            b.Property(x => x.ContactMobile).HasMaxLength(32);
            b.Property(x => x.ContactEmail).HasMaxLength(256);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(x => new { x.TenantId, x.AssigneeId, x.Status, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.DepartmentId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });
        builder.Entity<ComplaintAction>(b =>
        {
            b.ToTable("ComplaintActions");
            b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(x => new { x.TenantId, x.ComplaintId, x.At });
        });
        builder.Entity<ReturnVisit>(b =>
        {
            b.ToTable("ComplaintReturnVisits");
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.ComplaintId, x.At });
        });
        builder.Entity<ServiceHistory>(b =>
        {
            b.ToTable("ServiceHistory");
            b.Property(x => x.RecordType).HasMaxLength(32).IsRequired();
            b.Property(x => x.Action).HasMaxLength(32).IsRequired();
            b.Property(x => x.FromValue).HasMaxLength(200);
            b.Property(x => x.ToValue).HasMaxLength(200);
            b.Property(x => x.Note).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.RecordType, x.RecordId, x.At });
        });
        builder.Entity<ServiceMergeMove>(b =>
        {
            b.ToTable("ServiceMergeMoves");
            b.Property(x => x.RecordType).HasMaxLength(32).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.MergeId });
        });
    }
}
