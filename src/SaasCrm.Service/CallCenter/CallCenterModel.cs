using Microsoft.EntityFrameworkCore;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter;

/// <summary>Call center tables. Every index starts with TenantId.</summary>
internal static class CallCenterModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CallLog>(b =>
        {
            b.ToTable("CallLogs");
            b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(8);
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.ContactName).HasMaxLength(100);
            b.Property(x => x.AgentExtension).HasMaxLength(16);
            b.Property(x => x.CallId).HasMaxLength(64).IsRequired();
            b.Property(x => x.RecordingUrl).HasMaxLength(1000);
            b.Property(x => x.Note).HasMaxLength(2000);
            b.HasIndex(x => new { x.TenantId, x.CallId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.AgentId, x.StartedAt });
            b.HasIndex(x => new { x.TenantId, x.CustomerId, x.StartedAt });
            b.HasIndex(x => new { x.TenantId, x.StartedAt });
        });
        builder.Entity<TelephonyApiKey>(b =>
        {
            b.ToTable("TelephonyApiKeys");
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Prefix).HasMaxLength(16).IsRequired();
            b.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.KeyHash }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
        });
        builder.Entity<AgentExtension>(b =>
        {
            b.ToTable("AgentExtensions");
            b.Property(x => x.Extension).HasMaxLength(16).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.Extension }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        });
        builder.Entity<CallLogMergeMove>(b =>
        {
            b.ToTable("CallLogMergeMoves");
            b.HasIndex(x => new { x.TenantId, x.MergeId });
        });
        builder.Entity<TelephonyDialRequest>(b =>
        {
            b.ToTable("TelephonyDialRequests");
            b.Property(x => x.AgentExtension).HasMaxLength(16).IsRequired();
            b.Property(x => x.Number).HasMaxLength(32).IsRequired();
            b.Property(x => x.ProviderCallId).HasMaxLength(64).IsRequired();
            b.HasIndex(x => new { x.TenantId, x.RequestedAt });
        });
    }
}
