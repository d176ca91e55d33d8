using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Api.Tests.Probe;

/// <summary>
/// A module that exists only in tests: it plugs into the platform exactly as a product module does (entity,
/// permission provider, endpoints, event handler, job), so the platform's mechanisms are tested end to end
/// before the product modules exist.
/// </summary>
public sealed class ProbeModule : CrmModule
{
    public const string Permission = "Probe.Notes";
    public const string EntityType = "probe-note";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<ProbePermissions>();
        services.AddEventHandler<ProbeNoteCreated, ProbeNoteCreatedHandler>();
        services.AddBackgroundJob<ProbeJobArgs, ProbeJob>(maxAttempts: 3);
        services.AddScoped<IDictionaryUsageProbe, ProbeDictionaryUsage>();
        services.AddCustomFieldEntityType(EntityType, new LocalizedText("Probe note", "探针记录"));
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<ProbeNote>(b =>
        {
            b.ToTable("ProbeNotes");
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.Property(x => x.Source).HasMaxLength(64);
            b.HasIndex(x => new { x.TenantId, x.OwnerId });
        });
        builder.Entity<ProbeEventLog>(b =>
        {
            b.ToTable("ProbeEventLogs");
            b.HasIndex(x => new { x.TenantId, x.EventId }).IsUnique();
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/probe-notes");
        group.MapGet("/", async (HttpRequest http, string? sort, PlatformDbContext db, IDataScopeFilter scope, CustomFieldService fields, CancellationToken ct) =>
        {
            var query = await scope.ApplyAsync(db.Set<ProbeNote>().AsNoTracking(), ct);
            query = await fields.FilterAsync(query, EntityType, CustomFieldService.ParseFilters(http.Query), ct);
            query = sort is { } s && s.TrimStart('-').StartsWith("cf.", StringComparison.Ordinal)
                ? await fields.OrderByAsync(query, EntityType, s.TrimStart('-')[3..], s.StartsWith('-'), ct)
                : query.OrderBy(n => n.Title);
            var notes = await query.ToListAsync(ct);
            var values = await fields.LoadAsync(EntityType, notes.Select(n => n.Id).ToList(), ct);
            return notes.Select(n => ToDto(n, values[n.Id])).ToList();
        }).RequirePermission(Permission);
        group.MapGet("/{id:guid}", async (Guid id, PlatformDbContext db, IDataScopeFilter scope, CustomFieldService fields, CancellationToken ct) =>
        {
            var query = await scope.ApplyAsync(db.Set<ProbeNote>().AsNoTracking(), ct);
            var note = await query.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new EntityNotFoundException("ProbeNote", id);
            return ToDto(note, (await fields.LoadAsync(EntityType, [id], ct))[id]);
        }).RequirePermission(Permission);
        group.MapPost("/", async (CreateProbeNote request, PlatformDbContext db, ICurrentUser user, IEventPublisher events, IDictionaryLookup dictionaries, CustomFieldService fields, CancellationToken ct) =>
        {
            await dictionaries.EnsureSelectableAsync("customer-source", request.Source, "source", cancellationToken: ct);
            var note = new ProbeNote { Title = request.Title, Amount = request.Amount, OwnerId = user.Id!.Value, Source = request.Source };
            db.Add(note);
            await fields.SaveAsync(EntityType, note.Id, request.CustomFields, isCreate: true, ct);
            await events.PublishAsync(new ProbeNoteCreated(note.Id, note.Title), ct);
            if (request.FailBeforeCommit) throw new BusinessException("probe.rollback", "Failing on purpose before the commit.");
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/probe-notes/{note.Id}", ToDto(note));
        }).RequirePermission(Permission);
        group.MapPut("/{id:guid}", async (Guid id, UpdateProbeNote request, PlatformDbContext db, IDataScopeFilter scope, IDictionaryLookup dictionaries, CustomFieldService fields, CancellationToken ct) =>
        {
            var query = await scope.ApplyAsync(db.Set<ProbeNote>(), ct);
            var note = await query.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new EntityNotFoundException("ProbeNote", id);
            await dictionaries.EnsureSelectableAsync("customer-source", request.Source, "source", note.Source, ct);
            note.Source = request.Source;
            await fields.SaveAsync(EntityType, note.Id, request.CustomFields, isCreate: false, ct);
            db.Entry(note).Property(n => n.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
            note.Title = request.Title;
            note.Amount = request.Amount;
            await db.SaveChangesAsync(ct);
            return ToDto(note);
        }).RequirePermission(Permission);
        group.MapDelete("/{id:guid}", async (Guid id, PlatformDbContext db, IDataScopeFilter scope, CancellationToken ct) =>
        {
            var query = await scope.ApplyAsync(db.Set<ProbeNote>(), ct);
            var note = await query.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new EntityNotFoundException("ProbeNote", id);
            db.Remove(note);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequirePermission(Permission);
    }

    private static ProbeNoteDto ToDto(ProbeNote n, IReadOnlyDictionary<string, object?>? customFields = null) =>
        new(n.Id, n.Title, n.Amount, n.OwnerId, n.Source, n.ConcurrencyStamp, customFields ?? new Dictionary<string, object?>());
}

public sealed class ProbeNote : AuditedEntity, IHasOwner
{
    public string Title { get; set; } = "";
    public decimal Amount { get; set; }
    public Guid OwnerId { get; set; }
    /// <summary>A dictionary value (customer-source), to exercise the dictionary API.</summary>
    public string? Source { get; set; }
}

/// <summary>Probe notes store customer-source codes, so those codes are "used".</summary>
public sealed class ProbeDictionaryUsage(PlatformDbContext db) : IDictionaryUsageProbe
{
    public Task<bool> IsUsedAsync(string typeCode, string itemCode, CancellationToken cancellationToken) =>
        typeCode == "customer-source" ? db.Set<ProbeNote>().AnyAsync(n => n.Source == itemCode, cancellationToken) : Task.FromResult(false);
}

/// <summary>Written by the event handler: proves the handler ran, once, in the publishing tenant.</summary>
public sealed class ProbeEventLog : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid EventId { get; set; }
    public Guid NoteId { get; set; }
}

public sealed record ProbeNoteDto(Guid Id, string Title, decimal Amount, Guid OwnerId, string? Source, string ConcurrencyStamp, IReadOnlyDictionary<string, object?> CustomFields);
public sealed record CreateProbeNote(string Title, decimal Amount = 0, bool FailBeforeCommit = false, string? Source = null, Dictionary<string, JsonElement>? CustomFields = null);
public sealed record UpdateProbeNote(string Title, decimal Amount, string ConcurrencyStamp, string? Source = null, Dictionary<string, JsonElement>? CustomFields = null);
public sealed record ProbeNoteCreated(Guid NoteId, string Title);

public sealed class ProbeNoteCreatedHandler(PlatformDbContext db) : IEventHandler<ProbeNoteCreated>
{
    public async Task HandleAsync(ProbeNoteCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        // Idempotent: a redelivered event finds its row and does nothing.
        if (await db.Set<ProbeEventLog>().AnyAsync(l => l.EventId == context.EventId, cancellationToken)) return;
        db.Add(new ProbeEventLog { EventId = context.EventId, NoteId = @event.NoteId });
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed class ProbePermissions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context) =>
        context.AddGroup("Probe", new LocalizedText("Probe", "探针"), module: "Probe")
            .Add(ProbeModule.Permission, new LocalizedText("Probe notes", "探针记录"), MultiTenancySides.Tenant,
                SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager);
}
