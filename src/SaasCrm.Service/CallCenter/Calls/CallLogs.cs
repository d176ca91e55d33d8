using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Service.CallCenter.Domain;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.CallCenter.Calls;

public sealed record CallLogListParameters(
    CallDirection? Direction, Guid? CustomerId, Guid? AgentId, string? Number, DateTime? From, DateTime? To, string? Sort, int? Page, int? PageSize);

public sealed record CallLogDto(
    Guid Id, CallDirection Direction, string Number, Guid? CustomerId, string? CustomerName, Guid? ContactId, string? ContactName,
    Guid? AgentId, string? AgentName, string? AgentExtension, string CallId, DateTime StartedAt, DateTime? EndedAt, int? DurationSeconds,
    string? RecordingUrl, string? Note, string ConcurrencyStamp, CallStatus Status, DateTime? AnsweredAt);

/// <param name="Number">Optional when a customer is given: the customer's primary mobile (else first phone) is dialled.</param>
public sealed record ClickToCallRequest(Guid? CustomerId, Guid? ContactId, string? Number);
public sealed record UpdateCallNoteRequest(string? Note, string ConcurrencyStamp);

/// <summary>Call logs: the list (in the caller's data scope, by agent), notes, and click-to-call.</summary>
public sealed class CallLogs(
    PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user, ICustomerDirectory customers, ICustomerPhoneLookup phones,
    ITelephonyProvider provider, ServiceNames names, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<CallLog, object?>>> SortFields = new()
    {
        ["startedAt"] = c => c.StartedAt,
        ["durationSeconds"] = c => c.DurationSeconds,
        ["number"] = c => c.Number,
    };

    public Task<IQueryable<CallLog>> VisibleAsync(CancellationToken ct) => scope.ApplyAsync(db.Set<CallLog>().AsNoTracking(), c => c.AgentId, ct);

    public async Task<PagedResult<CallLogDto>> ListAsync(CallLogListParameters p, CancellationToken ct)
    {
        var query = await VisibleAsync(ct);
        if (p.Direction is { } direction) query = query.Where(c => c.Direction == direction);
        if (p.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (p.AgentId is { } agent) query = query.Where(c => c.AgentId == agent);
        if (p.Number?.Trim() is { Length: > 0 } number) query = query.Where(c => c.Number.Contains(number));
        if (p.From is { } from) query = query.Where(c => c.StartedAt >= from);
        if (p.To is { } to) query = query.Where(c => c.StartedAt < to);
        var page = await query.OrderBy(p.Sort, "-startedAt", SortFields).ToPageAsync(p.Page, p.PageSize, ct);
        var dtos = await ToDtosAsync(page.Items, ct);
        return new PagedResult<CallLogDto>(dtos, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    public async Task<CallLogDto> UpdateNoteAsync(Guid id, UpdateCallNoteRequest request, CancellationToken ct)
    {
        if (request.Note is { Length: > 2000 }) throw RequestValidationException.For("note", "callcenter.note_too_long", "A note has at most 2000 characters.");
        var visible = await scope.ApplyAsync(db.Set<CallLog>(), c => c.AgentId, ct);
        var log = await visible.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Call", id);
        db.Entry(log).Property(c => c.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        log.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        log.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([log], ct))[0];
    }

    /// <summary>Asks the provider to ring the caller's extension and dial the number; logs the outgoing call.</summary>
    public async Task<CallLogDto> DialAsync(ClickToCallRequest request, CancellationToken ct)
    {
        var me = user.Id ?? throw new BusinessException("callcenter.user_only", "Only a signed-in user can place calls.", 403);
        var extension = await db.Set<AgentExtension>().Where(e => e.UserId == me).Select(e => e.Extension).FirstOrDefaultAsync(ct)
            ?? throw new BusinessException("callcenter.no_extension", "You have no phone extension yet; ask your administrator to assign one.", 409);
        var number = request.Number?.Trim();
        if (number is { Length: > 32 }) throw RequestValidationException.For("number", "callcenter.number_invalid", "A number has at most 32 characters.");
        Guid? customerId = null;
        if (request.CustomerId is { } id)
        {
            var summary = (await customers.FindAsync([id], ct)).GetValueOrDefault(id) ?? throw new EntityNotFoundException("Customer", id);
            customerId = id;
            if (string.IsNullOrEmpty(number)) number = summary.Mobile;
        }
        if (string.IsNullOrWhiteSpace(number) || !number.Any(char.IsAsciiDigit))
            throw RequestValidationException.For("number", "callcenter.number_required", "Give a number to call (the customer has none).");
        Guid? contactId = null;
        string? contactName = null;
        var matches = await phones.FindAsync(number, ct);
        var match = customerId is { } c ? matches.FirstOrDefault(m => m.CustomerId == c) : null;
        if (customerId is null)
        {
            // A bare number: attach the customer it belongs to, if the caller may see that customer.
            var visible = await customers.FindAsync(matches.Select(m => m.CustomerId).ToList(), ct);
            match = matches.FirstOrDefault(m => visible.ContainsKey(m.CustomerId));
            customerId = match?.CustomerId;
        }
        if (request.ContactId is { } wanted && matches.FirstOrDefault(m => m.ContactId == wanted && m.CustomerId == customerId) is { } chosen) match = chosen;
        contactId = match?.ContactId;
        contactName = match?.ContactName;

        var callId = await provider.DialAsync(extension, number, ct);
        var log = new CallLog
        {
            Direction = CallDirection.Out, Number = number, CustomerId = customerId, ContactId = contactId, ContactName = contactName,
            AgentId = me, AgentExtension = extension, CallId = callId, StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(log);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([log], ct))[0];
    }

    private async Task<IReadOnlyList<CallLogDto>> ToDtosAsync(IReadOnlyList<CallLog> logs, CancellationToken ct)
    {
        await names.LoadAsync(logs.Select(l => l.AgentId), [], ct);
        var customerNames = await customers.FindAsync(logs.Where(l => l.CustomerId != null).Select(l => l.CustomerId!.Value).Distinct().ToList(), ct);
        return logs.Select(l => new CallLogDto(
            l.Id, l.Direction, l.Number, l.CustomerId, l.CustomerId is { } c ? customerNames.GetValueOrDefault(c)?.Name : null, l.ContactId, l.ContactName,
            l.AgentId, names.User(l.AgentId), l.AgentExtension, l.CallId, l.StartedAt, l.EndedAt, l.DurationSeconds, l.RecordingUrl, l.Note, l.ConcurrencyStamp,
            CallStatuses.Of(l.AnsweredAt, l.EndedAt, l.DurationSeconds), l.AnsweredAt)).ToList();
    }
}
