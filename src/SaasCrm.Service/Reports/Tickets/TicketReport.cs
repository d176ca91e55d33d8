using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Reports.Shared;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Reports.Tickets;

/// <summary>
/// Tickets created in the period (V11): volumes, first-response and resolution times, SLA compliance and satisfaction
/// by category, priority, department, person (assignee) or period. Counts, SLA and ratings are grouped in the database;
/// the times need a percentile, so only the three timestamps of tickets that were answered or resolved are read.
/// </summary>
public sealed class TicketReport(PlatformDbContext db, ServiceAccess access, ReportLabels labels) : IServiceReport
{
    public string Key => "tickets";
    public LocalizedText Name { get; } = new("Tickets", "工单");
    public string Permission => ReportPermissions.Tickets;

    public IReadOnlyList<ReportDimension> Dimensions { get; } =
    [
        new("category", new("Category", "类别")),
        new("priority", new("Priority", "优先级")),
        new("department", new("Department", "部门")),
        new("person", new("Assignee", "处理人")),
        new("period", new("Period", "期间")),
    ];

    public IReadOnlyList<ReportMeasure> Measures { get; } =
    [
        new("created", new("Created", "新建数"), ReportMeasureKind.Count),
        new("resolved", new("Resolved", "已解决"), ReportMeasureKind.Count),
        new("openAtEnd", new("Open at end", "期末未结"), ReportMeasureKind.Count),
        new("firstResponseAvg", new("First response (avg)", "平均首次响应"), ReportMeasureKind.DurationMinutes),
        new("firstResponseP90", new("First response (p90)", "首次响应 P90"), ReportMeasureKind.DurationMinutes),
        new("resolutionAvg", new("Resolution (avg)", "平均解决时长"), ReportMeasureKind.DurationMinutes),
        new("resolutionP90", new("Resolution (p90)", "解决时长 P90"), ReportMeasureKind.DurationMinutes),
        new("slaCompliance", new("SLA compliance", "SLA 达成率"), ReportMeasureKind.Percent),
        new("satisfaction", new("Satisfaction", "满意度"), ReportMeasureKind.Score),
        new("rated", new("Rated", "评价数"), ReportMeasureKind.Count),
    ];

    public async Task<ReportResult> RunAsync(ReportQuery q, CancellationToken ct)
    {
        var (from, to) = (q.From, q.To);
        var tickets = (await access.VisibleAsync(db.Set<Ticket>().AsNoTracking(), ct)).Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        tickets = ApplyFilters(tickets, q.Filters);
        var facts = tickets.Select(t => new TicketFacts
        {
            Category = t.CategoryCode, Priority = t.PriorityCode, Department = t.DepartmentId, Person = t.AssigneeId, CreatedAt = t.CreatedAt,
            ResolvedAt = t.ResolvedAt, FinishedAt = t.ResolvedAt ?? t.ClosedAt, ResolutionDueAt = t.ResolutionDueAt, Rating = t.SatisfactionRating,
        });

        var groups = q.GroupBy switch
        {
            "category" => await AggregateAsync(facts, f => f.Category, to, ct),
            "priority" => await AggregateAsync(facts, f => f.Priority, to, ct),
            "department" => await AggregateAsync(facts, f => f.Department, to, ct),
            "person" => await AggregateAsync(facts, f => f.Person, to, ct),
            _ => await ByPeriodAsync(facts, q, ct),
        };

        // Times: only the timestamps of answered or resolved tickets, keyed in memory the same way as above.
        var zone = ReportPeriods.Zone(q.TimeZone);
        var times = await tickets.Where(t => (t.FirstRespondedAt != null && t.FirstRespondedAt < to) || (t.ResolvedAt != null && t.ResolvedAt < to))
            .Select(t => new { t.CategoryCode, t.PriorityCode, t.DepartmentId, t.AssigneeId, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt })
            .ToListAsync(ct);
        var timed = times.Select(t => (Key: q.GroupBy switch
            {
                "category" => t.CategoryCode,
                "priority" => t.PriorityCode,
                "department" => ReportMath.KeyText(t.DepartmentId),
                "person" => ReportMath.KeyText(t.AssigneeId),
                _ => ReportPeriods.Bucket(ReportPeriods.LocalDate(zone, t.CreatedAt), q.Period).Key,
            },
            Response: t.FirstRespondedAt < to ? (t.FirstRespondedAt.Value - t.CreatedAt).TotalMinutes : (double?)null,
            Resolution: t.ResolvedAt < to ? (t.ResolvedAt.Value - t.CreatedAt).TotalMinutes : (double?)null)).ToList();

        var label = await LabelAsync(q, groups.Keys, ct);
        var rows = groups.Select(g => Row(g.Key, label(g.Key), g.Value, timed.Where(t => t.Key == g.Key).ToList())).ToList();
        rows = q.GroupBy == "period"
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.Values["created"]).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = groups.Values.Aggregate(new TicketCounts(), (a, b) => a.Add(b));
        return new ReportResult(rows, Row("total", ReportLabels.Total(q.IsChinese), total, timed));
    }

    private static IQueryable<Ticket> ApplyFilters(IQueryable<Ticket> tickets, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (key, value) in filters)
            tickets = key switch
            {
                "category" => tickets.Where(t => t.CategoryCode == value),
                "priority" => tickets.Where(t => t.PriorityCode == value),
                "department" => ReportFilters.Id(value, key) is { } d ? tickets.Where(t => t.DepartmentId == d) : tickets.Where(t => t.DepartmentId == null),
                "person" => ReportFilters.Id(value, key) is { } p ? tickets.Where(t => t.AssigneeId == p) : tickets.Where(t => t.AssigneeId == null),
                _ => tickets,
            };
        return tickets;
    }

    private static async Task<Dictionary<string, TicketCounts>> AggregateAsync<TKey>(IQueryable<TicketFacts> facts, Expression<Func<TicketFacts, TKey>> key, DateTime to, CancellationToken ct) =>
        (await facts.GroupBy(key).Select(g => new
            {
                g.Key,
                Created = g.Count(),
                Resolved = g.Sum(f => f.ResolvedAt != null && f.ResolvedAt < to ? 1 : 0),
                Finished = g.Sum(f => f.FinishedAt != null && f.FinishedAt < to ? 1 : 0),
                SlaMeasured = g.Sum(f => f.ResolvedAt != null && f.ResolvedAt < to && f.ResolutionDueAt != null ? 1 : 0),
                SlaMet = g.Sum(f => f.ResolvedAt != null && f.ResolvedAt < to && f.ResolutionDueAt != null && f.ResolvedAt <= f.ResolutionDueAt ? 1 : 0),
                RatingSum = g.Sum(f => f.Rating ?? 0),
                Rated = g.Sum(f => f.Rating != null ? 1 : 0),
            }).ToListAsync(ct))
        .ToDictionary(x => ReportMath.KeyText(x.Key), x => new TicketCounts(x.Created, x.Resolved, x.Finished, x.SlaMeasured, x.SlaMet, x.RatingSum, x.Rated));

    /// <summary>Local days per constant-offset segment from the database, folded into the requested unit.</summary>
    private static async Task<Dictionary<string, TicketCounts>> ByPeriodAsync(IQueryable<TicketFacts> facts, ReportQuery q, CancellationToken ct)
    {
        var result = new Dictionary<string, TicketCounts>();
        foreach (var s in ReportPeriods.Segments(q.TimeZone, q.From, q.To))
        {
            var (sFrom, sTo, offset) = (s.From, s.To, s.OffsetMinutes);
            var days = await AggregateAsync(facts.Where(f => f.CreatedAt >= sFrom && f.CreatedAt < sTo), f => f.CreatedAt.AddMinutes(offset).Date, q.To, ct);
            foreach (var (day, counts) in days)
            {
                var bucket = ReportPeriods.Bucket(DateOnly.ParseExact(day, "yyyy-MM-dd"), q.Period).Key;
                result[bucket] = result.TryGetValue(bucket, out var had) ? had.Add(counts) : counts;
            }
        }
        return result;
    }

    private async Task<Func<string, string>> LabelAsync(ReportQuery q, IEnumerable<string> keys, CancellationToken ct)
    {
        var zh = q.IsChinese;
        return q.GroupBy switch
        {
            "category" => await labels.DictionaryAsync(ServiceDictionaries.TicketCategory, zh, ct),
            "priority" => await labels.DictionaryAsync(ServiceDictionaries.TicketPriority, zh, ct),
            "department" => await labels.DepartmentsAsync(keys, zh, ct),
            "person" => await labels.UsersAsync(keys, zh, ct),
            _ => key => ReportPeriods.Label(key, q.Period),
        };
    }

    private static ReportRow Row(string key, string label, TicketCounts c, IReadOnlyCollection<(string Key, double? Response, double? Resolution)> times)
    {
        var responses = times.Where(t => t.Response is not null).Select(t => t.Response!.Value).ToList();
        var resolutions = times.Where(t => t.Resolution is not null).Select(t => t.Resolution!.Value).ToList();
        return new ReportRow(key, label, new Dictionary<string, decimal?>
        {
            ["created"] = c.Created,
            ["resolved"] = c.Resolved,
            ["openAtEnd"] = c.Created - c.Finished,
            ["firstResponseAvg"] = ReportMath.Average(responses),
            ["firstResponseP90"] = ReportMath.P90(responses),
            ["resolutionAvg"] = ReportMath.Average(resolutions),
            ["resolutionP90"] = ReportMath.P90(resolutions),
            ["slaCompliance"] = ReportMath.Percent(c.SlaMet, c.SlaMeasured),
            ["satisfaction"] = ReportMath.Average(c.RatingSum, c.Rated),
            ["rated"] = c.Rated,
        });
    }
}

/// <summary>The columns of a ticket the report groups on (a projection the database groups by).</summary>
public sealed class TicketFacts
{
    public string Category { get; init; } = "";
    public string Priority { get; init; } = "";
    public Guid? Department { get; init; }
    public Guid? Person { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    /// <summary>Resolved, or closed without being resolved: no longer open.</summary>
    public DateTime? FinishedAt { get; init; }
    public DateTime? ResolutionDueAt { get; init; }
    public int? Rating { get; init; }
}

/// <summary>Additive counts of one group: groups (days into weeks, all into the total) merge by adding.</summary>
public sealed record TicketCounts(int Created = 0, int Resolved = 0, int Finished = 0, int SlaMeasured = 0, int SlaMet = 0, long RatingSum = 0, int Rated = 0)
{
    public TicketCounts Add(TicketCounts o) => new(Created + o.Created, Resolved + o.Resolved, Finished + o.Finished, SlaMeasured + o.SlaMeasured,
        SlaMet + o.SlaMet, RatingSum + o.RatingSum, Rated + o.Rated);
}
