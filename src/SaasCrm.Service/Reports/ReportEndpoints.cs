using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Reports;

internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/service/reports").WithTags("Service reports");

        reports.MapGet("/", (string? language, ReportRunner runner, CancellationToken ct) => runner.ListAsync(language, ct))
            .Produces<IReadOnlyList<ReportDefinitionDto>>().RequirePermission(ReportPermissions.Reports);

        reports.MapGet("/{key}", async (string key, [AsParameters] ReportParameters p, HttpRequest request, ReportRunner runner, CancellationToken ct) =>
            {
                var (report, query, result) = await runner.RunAsync(key, p, request.Query, ct);
                return ReportRunner.ToDto(report, query, result);
            })
            .Produces<ReportResultDto>().RequirePermission(ReportPermissions.Reports);

        reports.MapGet("/{key}/export", async (string key, [AsParameters] ReportParameters p, HttpRequest request, ReportRunner runner, CancellationToken ct) =>
            {
                var (report, query, result) = await runner.RunAsync(key, p, request.Query, ct);
                return Results.File(ReportExport.Write(report, query, result), ReportExport.ContentType, ReportExport.FileName(report, query));
            })
            .Produces(StatusCodes.Status200OK, contentType: ReportExport.ContentType).RequirePermission(ReportPermissions.Reports);
    }
}
