using System.Net;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Knowledge.Articles;
using SaasCrm.Service.Knowledge.Domain;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Knowledge.FromTickets;

/// <summary>Knowledge on a ticket: related articles from its text, and a resolved ticket turned into an article draft.</summary>
public sealed class TicketArticles(PlatformDbContext db, ServiceAccess tickets, ArticleService articles, ArticleQueries queries)
{
    public const int SuggestionCount = 5;

    public async Task<IReadOnlyList<ArticleSuggestionDto>> SuggestAsync(Guid ticketId, CancellationToken ct)
    {
        var ticket = await tickets.GetVisibleAsync<Ticket>(ticketId, ct);
        return await queries.SuggestAsync($"{ticket.Title} {ticket.Description}".Trim(), SuggestionCount, ct);
    }

    /// <summary>
    /// Title from the ticket, problem from its description, solution from the public replies (what the customer was
    /// told), category "case", internal until someone decides otherwise; refused for an open ticket.
    /// </summary>
    public async Task<Article> CreateDraftAsync(Guid ticketId, CancellationToken ct)
    {
        var ticket = await tickets.GetVisibleAsync<Ticket>(ticketId, ct);
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
            throw new BusinessException("knowledge.ticket_not_resolved", "Only a resolved or closed ticket can become an article: resolve the ticket first.", 409, "ticketId");
        var replies = await db.Set<TicketComment>().AsNoTracking().Where(c => c.TicketId == ticketId && !c.IsInternal && !c.FromCustomer)
            .OrderBy(c => c.At).Select(c => c.Content).ToListAsync(ct);
        var body = $"<h2>{WebUtility.HtmlEncode("问题 / Problem")}</h2>{Paragraphs(ticket.Description)}"
                   + $"<h2>{WebUtility.HtmlEncode("解决方案 / Solution")}</h2>{string.Concat(replies.Select(Paragraphs))}"
                   + $"<p><em>{WebUtility.HtmlEncode($"Ticket {ticket.Number}")}</em></p>";
        var request = new SaveArticleRequest(ticket.Title, body, "case", [], ArticleVisibility.Internal, []);
        return await articles.CreateAsync(request, ct, sourceTicketId: ticket.Id);
    }

    private static string Paragraphs(string? text) => string.IsNullOrWhiteSpace(text) ? "<p></p>" : ArticleHtml.FromText(text);
}
