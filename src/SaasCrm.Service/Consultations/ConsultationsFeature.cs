using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Notifications;
using SaasCrm.Service.Reports;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Consultations;

/// <summary>Consultations and answers (V4).</summary>
internal sealed class ConsultationsFeature : ServiceFeature
{
    public const string NotificationKind = "consultation.answered";

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<ConsultationPermissionDefinitions>();
        services.AddDictionaries<ConsultationDictionaries>();
        services.AddScoped<ConsultationAccess>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<ConsultationQueries>();
        services.AddWorkflowRecordType<ConsultationRecordType>();
        services.AddWorkflowTemplates<ConsultationWorkflowTemplates>();
        services.AddNotificationKind(NotificationKind, new SaasCrm.Platform.Permissions.LocalizedText("Consultation answered by the department", "咨询已由部门答复"));
        services.AddScoped<IServiceReport, ConsultationReport>();
        services.AddScoped<SaasCrm.Customers.ICustomerRelatedRecords, ConsultationRelatedRecords>();
    }

    public override void ConfigureModel(ModelBuilder builder) =>
        builder.Entity<Consultation>(b =>
        {
            b.ToTable("Consultations");
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.ContactName).HasMaxLength(100);
            b.Property(x => x.ContactPhone).HasMaxLength(32);
            b.Property(x => x.EnquiryTypeCode).HasMaxLength(64).IsRequired();
            b.Property(x => x.ProductCategoryCode).HasMaxLength(64);
            b.Property(x => x.BrandCode).HasMaxLength(64);
            b.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            b.Property(x => x.DepartmentAnswer).HasMaxLength(4000);
            b.Property(x => x.Answer).HasMaxLength(4000);
            b.Property(x => x.ReplyChannelCode).HasMaxLength(64);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.CreatedBy, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.DepartmentId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.AssigneeId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });

    public override void MapEndpoints(RouteGroupBuilder api) => ConsultationEndpoints.Map(api);
}
