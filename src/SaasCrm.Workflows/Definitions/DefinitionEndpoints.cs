using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Versions;

namespace SaasCrm.Workflows.Definitions;

internal static class DefinitionEndpoints
{
    public static void Map(RouteGroupBuilder wf)
    {
        var defs = wf.MapGroup("/definitions");
        defs.MapGet("/", (string? recordType, DefinitionService s, CancellationToken ct) => s.ListAsync(recordType, ct))
            .Produces<List<DefinitionSummary>>().RequirePermission(WorkflowPermissions.Definitions);
        defs.MapPost("/", async (CreateDefinitionRequest request, DefinitionService s, CancellationToken ct) =>
            {
                var created = await s.CreateAsync(request, null, ct);
                return Results.Created($"/api/workflows/definitions/{created.Id}", created);
            })
            .Produces<DefinitionDetail>(StatusCodes.Status201Created).ProducesValidationProblem().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapGet("/{id:guid}", (Guid id, DefinitionService s, CancellationToken ct) => s.GetAsync(id, ct))
            .Produces<DefinitionDetail>().RequirePermission(WorkflowPermissions.Definitions);
        defs.MapGet("/{id:guid}/versions/{number:int}", (Guid id, int number, DefinitionService s, CancellationToken ct) => s.VersionAsync(id, number, ct))
            .Produces<VersionDetail>().RequirePermission(WorkflowPermissions.Definitions);
        defs.MapPut("/{id:guid}/draft", (Guid id, SaveDraftRequest request, DefinitionService s, CancellationToken ct) => s.SaveDraftAsync(id, request, ct))
            .Produces<VersionDetail>().ProducesValidationProblem().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapPost("/{id:guid}/draft/validate", (Guid id, DefinitionService s, CancellationToken ct) => s.ValidateDraftAsync(id, ct))
            .Produces<ValidationReport>().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapPost("/{id:guid}/draft/publish", (Guid id, DefinitionService s, CancellationToken ct) => s.PublishAsync(id, ct))
            .Produces<VersionDetail>().ProducesValidationProblem().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapPost("/{id:guid}/versions/{number:int}/retire", (Guid id, int number, DefinitionService s, CancellationToken ct) => s.RetireAsync(id, number, ct))
            .Produces<VersionDetail>().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapGet("/{id:guid}/diff", (Guid id, int from, int to, VersionDiffService s, CancellationToken ct) => s.DiffAsync(id, from, to, ct))
            .Produces<VersionDiff>().RequirePermission(WorkflowPermissions.Definitions);
        defs.MapPost("/{id:guid}/dry-run", (Guid id, DryRunRequest request, DryRunService s, CancellationToken ct) => s.RunAsync(id, request, ct))
            .Produces<DryRunResult>().RequirePermission(WorkflowPermissions.DefinitionsManage);
        wf.MapGet("/templates", (Templates.TemplateService s) =>
                s.Available.Select(t => new TemplateSummary(t.Key, t.Name, t.Description, t.Definition.Trigger.RecordType)).OrderBy(t => t.Key).ToList())
            .Produces<List<TemplateSummary>>().RequirePermission(WorkflowPermissions.DefinitionsManage);
        defs.MapPost("/from-template/{key}", async (string key, Templates.TemplateService s, CancellationToken ct) =>
            {
                var created = await s.CreateDraftAsync(key, ct);
                return Results.Created($"/api/workflows/definitions/{created.Id}", created);
            })
            .Produces<DefinitionDetail>(StatusCodes.Status201Created).RequirePermission(WorkflowPermissions.DefinitionsManage);
    }
}

/// <summary>A template a new definition can start from (POST /definitions/from-template/{key}).</summary>
public sealed record TemplateSummary(string Key, LocalizedText Name, LocalizedText Description, string? RecordType);
