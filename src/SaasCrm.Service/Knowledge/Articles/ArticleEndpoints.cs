using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Knowledge.Domain;
using SaasCrm.Service.Knowledge.FromTickets;
using SaasCrm.Service.Portal;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Knowledge.Articles;

internal static class ArticleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var knowledge = api.MapGroup("/knowledge").WithTags("Knowledge");
        var articles = knowledge.MapGroup("/articles");

        articles.MapGet("/", ([AsParameters] ArticleSearchParameters p, ArticleQueries queries, CancellationToken ct) => queries.SearchAsync(p, ct))
            .Produces<ArticleSearchResponse>().RequirePermission(KnowledgePermissions.Read);

        articles.MapGet("/{id:guid}", (Guid id, ArticleQueries queries, CancellationToken ct) => queries.GetAsync(id, ct))
            .Produces<ArticleDto>().RequirePermission(KnowledgePermissions.Read);

        articles.MapPost("/{id:guid}/views", async (Guid id, ArticleAccess access, ArticleService service, CancellationToken ct) =>
            {
                await access.GetVisibleAsync(id, ct);
                await service.CountViewAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).RequirePermission(KnowledgePermissions.Read);

        articles.MapGet("/{id:guid}/versions", (Guid id, ArticleQueries queries, CancellationToken ct) => queries.VersionsAsync(id, ct))
            .Produces<IReadOnlyList<ArticleVersionDto>>().RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/", async (SaveArticleRequest request, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
            {
                var article = await service.CreateAsync(request, ct);
                return Results.Created($"/api/knowledge/articles/{article.Id}", await queries.ToDtoAsync(article, ct));
            })
            .Validate<SaveArticleRequest>().Produces<ArticleDto>(StatusCodes.Status201Created).RequirePermission(KnowledgePermissions.Manage);

        articles.MapPut("/{id:guid}", async (Guid id, SaveArticleRequest request, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
            {
                if (string.IsNullOrEmpty(request.ConcurrencyStamp)) throw RequestValidationException.For("concurrencyStamp", "concurrency_stamp_required", "Send the stamp you read.");
                return await queries.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct);
            })
            .Validate<SaveArticleRequest>().Produces<ArticleDto>().RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/{id:guid}/publish", async (Guid id, ConcurrencyRequest request, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.PublishAsync(id, request.ConcurrencyStamp, publish: true, ct), ct))
            .Validate<ConcurrencyRequest>().Produces<ArticleDto>().RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/{id:guid}/unpublish", async (Guid id, ConcurrencyRequest request, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.PublishAsync(id, request.ConcurrencyStamp, publish: false, ct), ct))
            .Validate<ConcurrencyRequest>().Produces<ArticleDto>().RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/{id:guid}/versions/{number:int}/restore", async (Guid id, int number, ConcurrencyRequest request, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.RestoreAsync(id, number, request.ConcurrencyStamp, ct), ct))
            .Validate<ConcurrencyRequest>().Produces<ArticleDto>().RequirePermission(KnowledgePermissions.Manage);

        articles.MapDelete("/{id:guid}", async (Guid id, ArticleService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/{id:guid}/helpful", (Guid id, ArticleHelpfulRequest request, ArticleService service, CancellationToken ct) =>
                service.RateHelpfulAsync(id, request.Helpful, ct))
            .Produces<ArticleHelpfulDto>().RequirePermission(KnowledgePermissions.Read);

        articles.MapGet("/{id:guid}/attachments/{fileId:guid}", DownloadAttachmentAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").RequirePermission(KnowledgePermissions.Read);

        articles.MapUpload("/attachments", ArticleService.AttachmentPurpose, f => new ArticleAttachmentDto(f.Id, f.OriginalName, f.Size))
            .RequirePermission(KnowledgePermissions.Manage);

        articles.MapPost("/from-ticket/{ticketId:guid}", async (Guid ticketId, TicketArticles fromTickets, ArticleQueries queries, CancellationToken ct) =>
            {
                var article = await fromTickets.CreateDraftAsync(ticketId, ct);
                return Results.Created($"/api/knowledge/articles/{article.Id}", await queries.ToDtoAsync(article, ct));
            })
            .Produces<ArticleDto>(StatusCodes.Status201Created).RequirePermission(KnowledgePermissions.Manage);

        knowledge.MapGet("/suggestions", (Guid ticketId, TicketArticles fromTickets, CancellationToken ct) => fromTickets.SuggestAsync(ticketId, ct))
            .Produces<IReadOnlyList<ArticleSuggestionDto>>().RequirePermission(KnowledgePermissions.Read);

        // Portal: portal accounts only (staff use the endpoints above); what they read is decided by ArticleAccess.
        var portal = api.MapGroup("/portal/articles").WithTags("Portal knowledge").RequireUserKind(UserKind.Customer, UserKind.Partner)
            .AddEndpointFilter(RequirePartnerKnowledgeModule);

        portal.MapGet("/", (string? q, string? category, int? page, int? pageSize, ArticleQueries queries, CancellationToken ct) =>
                queries.SearchAsync(new ArticleSearchParameters(q, category, null, null, page, pageSize), ct))
            .Produces<ArticleSearchResponse>();

        portal.MapGet("/{id:guid}", async (Guid id, ArticleAccess access, ArticleService service, ArticleQueries queries, CancellationToken ct) =>
            {
                var article = await access.GetVisibleAsync(id, ct);
                await service.CountViewAsync(id, ct);
                article.ViewCount++;
                return await queries.ToDtoAsync(article, ct);
            })
            .Produces<ArticleDto>();

        portal.MapGet("/{id:guid}/attachments/{fileId:guid}", DownloadAttachmentAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");

        portal.MapPost("/{id:guid}/helpful", (Guid id, ArticleHelpfulRequest request, ArticleService service, CancellationToken ct) =>
                service.RateHelpfulAsync(id, request.Helpful, ct))
            .Produces<ArticleHelpfulDto>();
    }

    /// <summary>
    /// A file of an article the caller may read (a reader without the manage permission: published ones only; a portal
    /// account: those shown to its kind); a file of any other article, or of none, answers 404.
    /// </summary>
    private static async Task<IResult> DownloadAttachmentAsync(Guid id, Guid fileId, ArticleAccess access, PlatformDbContext db, IFileStore files, CancellationToken ct)
    {
        var article = await access.GetVisibleAsync(id, ct);
        if (!await db.Set<ArticleAttachment>().AnyAsync(a => a.ArticleId == article.Id && a.FileId == fileId, ct))
            throw new EntityNotFoundException("File", fileId);
        var file = await files.GetAsync(fileId, ct);
        return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
    }

    /// <summary>
    /// A partner's users read the knowledge base only while the tenant grants their organisation the knowledge module
    /// (403 <c>portal.module_not_granted</c>, as the partner ticket endpoints answer without the tickets module).
    /// </summary>
    private static async ValueTask<object?> RequirePartnerKnowledgeModule(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<ICurrentUser>().Kind == UserKind.Partner)
            await services.GetRequiredService<PortalCaller>().PartnerAsync(context.HttpContext.RequestAborted, PartnerModules.Knowledge);
        return await next(context);
    }
}
