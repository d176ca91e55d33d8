using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Notifications;
using SaasCrm.Service.Reports;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Returns;

/// <summary>Returns, exchanges and compensation (V5).</summary>
internal sealed class ReturnsFeature : ServiceFeature
{
    public const string NotificationKind = "return.decided";

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<ReturnPermissionDefinitions>();
        services.AddDictionaries<ReturnDictionaries>();
        services.AddScoped<ReturnAccess>();
        services.AddScoped<ReturnService>();
        services.AddScoped<ReturnQueries>();
        services.AddWorkflowRecordType<ReturnRecordType>();
        services.AddWorkflowTemplates<ReturnWorkflowTemplates>();
        services.AddNotificationKind(NotificationKind, new SaasCrm.Platform.Permissions.LocalizedText("Return entry approved or rejected", "退换货登记审批结果"));
        services.AddScoped<IServiceReport, ReturnReport>();
        services.AddScoped<SaasCrm.Customers.ICustomerRelatedRecords, ReturnRelatedRecords>();
        services.AddScoped<SaasCrm.Platform.Seeding.IDemoDataSeeder, ReturnDemoData>();
    }

    public override void ConfigureModel(ModelBuilder builder) =>
        builder.Entity<ReturnEntry>(b =>
        {
            b.ToTable("ReturnEntries");
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.CustomerName).HasMaxLength(100);
            b.Property(x => x.CustomerPhone).HasMaxLength(32);
            b.Property(x => x.Address).HasMaxLength(300);
            b.Property(x => x.OrderNumber).HasMaxLength(64);
            b.Property(x => x.ProductCode).HasMaxLength(64);
            b.Property(x => x.ProductName).HasMaxLength(200);
            b.Property(x => x.ProductCategoryCode).HasMaxLength(64);
            b.Property(x => x.BrandCode).HasMaxLength(64);
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.Property(x => x.CurrencyCode).HasMaxLength(3).IsRequired();
            b.Property(x => x.PickupMethodCode).HasMaxLength(64);
            b.Property(x => x.ResultCode).HasMaxLength(64);
            b.Property(x => x.ReasonCode).HasMaxLength(64);
            b.Property(x => x.CoordinationMatter).HasMaxLength(1000);
            b.Property(x => x.Remark).HasMaxLength(2000);
            b.Property(x => x.DecisionNote).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.CreatedBy, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.ApproverId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.DepartmentId, x.Status });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.CreatedAt });
            b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });

    public override void MapEndpoints(RouteGroupBuilder api) => ReturnEndpoints.Map(api);
}
