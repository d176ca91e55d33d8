using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Reports.Shared;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Reports.Complaints;

/// <summary>
/// Complaints created in the period (the retailer's complaint report): volumes, the responsible departments' on-time
/// replies, reopened rounds and satisfaction by type, severity, department, person or period — all grouped in the
/// database (two GROUP BY queries: complaints, and their replies joined to them).
/// </summary>
public sealed class ComplaintReport(PlatformDbContext db, ServiceAccess access, ReportLabels labels) : IServiceReport
{
    public string Key => "complaints";
    public LocalizedText Name { get; } = new("Complaints", "客诉");
    public string Permission => ReportPermissions.Complaints;

    public IReadOnlyList<ReportDimension> Dimensions { get; } =
    [
        new("type", new("Type", "投诉类型")),
        new("severity", new("Severity", "严重程度")),
        new("department", new("Department", "责任部门")),
        new("person", new("Assignee", "处理人")),
        new("period", new("Period", "期间")),
    ];

    public IReadOnlyList<ReportMeasure> Measures { get; } =
    [
        new("created", new("Created", "新建数"), ReportMeasureKind.Count),
        new("closed", new("Closed", "已结案"), ReportMeasureKind.Count),
        new("replies", new("Department replies", "部门回复数"), ReportMeasureKind.Count),
        new("onTimeReplies", new("Replies on time", "按时回复率"), ReportMeasureKind.Percent),
        new("reopened", new("Reopened complaints", "重开客诉数"), ReportMeasureKind.Count),
        new("reopenRounds", new("Reopened rounds", "重开轮次"), ReportMeasureKind.Count),
        new("satisfaction", new("Satisfaction", "满意度"), ReportMeasureKind.Score),
        new("rated", new("Rated", "评价数"), ReportMeasureKind.Count),
    ];

    public async Task<ReportResult> RunAsync(ReportQuery q, CancellationToken ct)
    {
        var (from, to) = (q.From, q.To);
        var complaints = (await access.VisibleAsync(db.Set<Complaint>().AsNoTracking(), ct)).Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        complaints = ApplyFilters(complaints, q.Filters);
        var facts = complaints.Select(c => new ComplaintFacts
        {
            Type = c.TypeCode, Severity = c.SeverityCode, Department = c.DepartmentId, Person = c.AssigneeId, CreatedAt = c.CreatedAt,
            Closed = c.Status == ComplaintStatus.Closed ? 1 : 0, Round = c.Round, Rating = c.SatisfactionRating,
        });
        var replies = complaints.Join(db.Set<ComplaintAction>().Where(a => a.Kind == ComplaintActionKind.Reply && a.At < to), c => c.Id, a => a.ComplaintId,
            (c, a) => new ComplaintFacts
            {
                Type = c.TypeCode, Severity = c.SeverityCode, Department = c.DepartmentId, Person = c.AssigneeId, CreatedAt = c.CreatedAt,
                OnTime = a.OnTime == false ? 0 : 1,
            });

        var groups = q.GroupBy switch
        {
            "type" => await GroupAsync(facts, replies, f => f.Type, ct),
            "severity" => await GroupAsync(facts, replies, f => f.Severity, ct),
            "department" => await GroupAsync(facts, replies, f => f.Department, ct),
            "person" => await GroupAsync(facts, replies, f => f.Person, ct),
            _ => await ByPeriodAsync(facts, replies, q, ct),
        };

        var zh = q.IsChinese;
        Func<string, string> label = q.GroupBy switch
        {
            "type" => await labels.DictionaryAsync(ServiceDictionaries.ComplaintType, zh, ct),
            "severity" => await labels.DictionaryAsync(ServiceDictionaries.ComplaintSeverity, zh, ct),
            "department" => await labels.DepartmentsAsync(groups.Keys, zh, ct),
            "person" => await labels.UsersAsync(groups.Keys, zh, ct),
            _ => key => ReportPeriods.Label(key, q.Period),
        };
        var rows = groups.Select(g => Row(g.Key, label(g.Key), g.Value)).ToList();
        rows = q.GroupBy == "period"
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.Values["created"]).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = groups.Values.Aggregate(new ComplaintCounts(), (a, b) => a.Add(b));
        return new ReportResult(rows, Row("total", ReportLabels.Total(zh), total));
    }

    private static IQueryable<Complaint> ApplyFilters(IQueryable<Complaint> complaints, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (key, value) in filters)
            complaints = key switch
            {
                "type" => complaints.Where(c => c.TypeCode == value),
                "severity" => complaints.Where(c => c.SeverityCode == value),
                "department" => ReportFilters.Id(value, key) is { } d ? complaints.Where(c => c.DepartmentId == d) : complaints.Where(c => c.DepartmentId == null),
                "person" => ReportFilters.Id(value, key) is { } p ? complaints.Where(c => c.AssigneeId == p) : complaints.Where(c => c.AssigneeId == null),
                _ => complaints,
            };
        return complaints;
    }

    private static async Task<Dictionary<string, ComplaintCounts>> GroupAsync<TKey>(IQueryable<ComplaintFacts> facts, IQueryable<ComplaintFacts> replies,
        Expression<Func<ComplaintFacts, TKey>> key, CancellationToken ct)
    {
        var result = (await facts.GroupBy(key).Select(g => new
            {
                g.Key,
                Created = g.Count(),
                Closed = g.Sum(f => f.Closed),
                Reopened = g.Sum(f => f.Round > 1 ? 1 : 0),
                ReopenRounds = g.Sum(f => f.Round - 1),
                RatingSum = g.Sum(f => f.Rating ?? 0),
                Rated = g.Sum(f => f.Rating != null ? 1 : 0),
            }).ToListAsync(ct))
            .ToDictionary(x => ReportMath.KeyText(x.Key), x => new ComplaintCounts(x.Created, x.Closed, 0, 0, x.Reopened, x.ReopenRounds, x.RatingSum, x.Rated));
        foreach (var r in await replies.GroupBy(key).Select(g => new { g.Key, Replies = g.Count(), OnTime = g.Sum(f => f.OnTime) }).ToListAsync(ct))
        {
            var k = ReportMath.KeyText(r.Key);
            result[k] = (result.GetValueOrDefault(k) ?? new ComplaintCounts()).Add(new ComplaintCounts(Replies: r.Replies, OnTime: r.OnTime));
        }
        return result;
    }

    private static async Task<Dictionary<string, ComplaintCounts>> ByPeriodAsync(IQueryable<ComplaintFacts> facts, IQueryable<ComplaintFacts> replies, ReportQuery q, CancellationToken ct)
    {
        var result = new Dictionary<string, ComplaintCounts>();
        foreach (var s in ReportPeriods.Segments(q.TimeZone, q.From, q.To))
        {
            var (sFrom, sTo, offset) = (s.From, s.To, s.OffsetMinutes);
            var days = await GroupAsync(facts.Where(f => f.CreatedAt >= sFrom && f.CreatedAt < sTo), replies.Where(f => f.CreatedAt >= sFrom && f.CreatedAt < sTo),
                f => f.CreatedAt.AddMinutes(offset).Date, ct);
            foreach (var (day, counts) in days)
            {
                var bucket = ReportPeriods.Bucket(DateOnly.ParseExact(day, "yyyy-MM-dd"), q.Period).Key;
                result[bucket] = result.TryGetValue(bucket, out var had) ? had.Add(counts) : counts;
            }
        }
        return result;
    }

    private static ReportRow Row(string key, string label, ComplaintCounts c) => new(key, label, new Dictionary<string, decimal?>
    {
        ["created"] = c.Created,
        ["closed"] = c.Closed,
        ["replies"] = c.Replies,
        ["onTimeReplies"] = ReportMath.Percent(c.OnTime, c.Replies),
        ["reopened"] = c.Reopened,
        ["reopenRounds"] = c.ReopenRounds,
        ["satisfaction"] = ReportMath.Average(c.RatingSum, c.Rated),
        ["rated"] = c.Rated,
    });
}

/// <summary>The columns of a complaint (or of one of its replies) the report groups on.</summary>
public sealed class ComplaintFacts
{
    public string Type { get; init; } = "";
    public string Severity { get; init; } = "";
    public Guid? Department { get; init; }
    public Guid? Person { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Closed { get; init; }
    public int Round { get; init; }
    public int? Rating { get; init; }
    /// <summary>Replies: 1 when in time (or without a deadline).</summary>
    public int OnTime { get; init; }
}

public sealed record ComplaintCounts(int Created = 0, int Closed = 0, int Replies = 0, int OnTime = 0, int Reopened = 0, int ReopenRounds = 0, long RatingSum = 0, int Rated = 0)
{
    public ComplaintCounts Add(ComplaintCounts o) => new(Created + o.Created, Closed + o.Closed, Replies + o.Replies, OnTime + o.OnTime,
        Reopened + o.Reopened, ReopenRounds + o.ReopenRounds, RatingSum + o.RatingSum, Rated + o.Rated);
}
