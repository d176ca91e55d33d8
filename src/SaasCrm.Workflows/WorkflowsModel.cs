using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaasCrm.Workflows.Agents;
using SaasCrm.Workflows.Assignment;
using SaasCrm.Workflows.Calendars;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;
using SaasCrm.Workflows.Tasks;

namespace SaasCrm.Workflows;

/// <summary>The engine's tables. Every index starts with TenantId.</summary>
internal static class WorkflowsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<WorkflowDefinition>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NameZh).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.DescriptionZh).HasMaxLength(1000);
            e.Property(x => x.RecordType).HasMaxLength(50);
            e.Property(x => x.TemplateKey).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.RecordType });
        });
        builder.Entity<WorkflowVersion>(e =>
        {
            e.ToTable("WorkflowVersions");
            e.Property(x => x.TriggerKind).HasMaxLength(30);
            e.Property(x => x.TriggerRecordType).HasMaxLength(50);
            e.HasIndex(x => new { x.TenantId, x.DefinitionId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Status, x.TriggerKind, x.TriggerRecordType });
        });
        builder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.Property(x => x.RecordType).HasMaxLength(50);
            e.Property(x => x.CurrentStepId).HasMaxLength(100);
            e.Property(x => x.StartKey).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.DefinitionId, x.StartKey }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.RecordType, x.RecordId });
            e.HasIndex(x => new { x.TenantId, x.StartedAt }); // the instances list, newest first
            e.HasIndex(x => new { x.TenantId, x.VersionId, x.Status });
        });
        builder.Entity<WorkflowBookmark>(e =>
        {
            e.ToTable("WorkflowBookmarks");
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.RecordType).HasMaxLength(50);
            e.Property(x => x.EventName).HasMaxLength(100);
            e.Property(x => x.Correlation).HasMaxLength(100);
            e.Property(x => x.BoundField).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.RecordType, x.RecordId, x.Kind });
            e.HasIndex(x => new { x.TenantId, x.InstanceId });
        });
        builder.Entity<WorkflowJournalEntry>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.Activity).HasMaxLength(50);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.Code).HasMaxLength(100);
            e.Property(x => x.ArgsJson).HasMaxLength(4000);
            e.HasIndex(x => new { x.TenantId, x.InstanceId, x.Sequence }).IsUnique();
        });
        builder.Entity<WorkflowIncident>(e =>
        {
            e.ToTable("WorkflowIncidents");
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.InstanceId });
        });
        builder.Entity<WorkflowProcessedSignal>(e =>
        {
            e.ToTable("WorkflowProcessedSignals");
            e.HasIndex(x => new { x.TenantId, x.SignalId }).IsUnique();
        });
        builder.Entity<RoundRobinPointer>(e =>
        {
            e.ToTable("WorkflowRoundRobinPointers");
            e.Property(x => x.Pool).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.Pool }).IsUnique();
        });
        builder.Entity<AssignmentDecision>(e =>
        {
            e.ToTable("WorkflowAssignmentDecisions");
            e.Property(x => x.RecordType).HasMaxLength(50);
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.Strategy).HasMaxLength(30);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.ReasonCode).HasMaxLength(50);
            e.Property(x => x.ReasonArgsJson).HasMaxLength(1000);
            e.HasIndex(x => new { x.TenantId, x.RecordType, x.RecordId });
            e.HasIndex(x => new { x.TenantId, x.ChosenUserId, x.At });
        });
        builder.Entity<AgentProfile>(e =>
        {
            e.ToTable("WorkflowAgents");
            Json(e.Property(x => x.Skills));
            e.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        });
        builder.Entity<WorkflowTask>(e =>
        {
            e.ToTable("WorkflowTasks");
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.RecordType).HasMaxLength(50);
            e.Property(x => x.TitleEn).HasMaxLength(300);
            e.Property(x => x.TitleZh).HasMaxLength(300);
            e.HasIndex(x => new { x.TenantId, x.AssigneeId, x.Status });
        });
        builder.Entity<BusinessCalendar>(e =>
        {
            e.ToTable("WorkflowCalendars");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            Json(e.Property(x => x.WeeklyHours));
            Json(e.Property(x => x.Holidays));
            Json(e.Property(x => x.WorkingDays));
            Json(e.Property(x => x.DepartmentIds));
            e.HasIndex(x => new { x.TenantId, x.IsDefault });
        });
    }

    /// <summary>Small collections stored as a JSON column, compared by content so changes are saved.</summary>
    private static void Json<T>(PropertyBuilder<T> property) where T : class, new() =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<T>(v, (JsonSerializerOptions?)null) ?? new T(),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
                    v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!))
            .IsRequired();
}
