using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Reports;

/// <summary>Lists the reports the caller may run and runs one after checking its permission and the request.</summary>
public sealed class ReportRunner(
    IEnumerable<IServiceReport> reports, IPermissionChecker permissions, ITenantTimeZone timeZone, PlatformDbContext db, ICurrentUser user,
    IHttpContextAccessor http)
{
    /// <summary>Two years (and a leap day): enough for a year-on-year view, small enough to group by day.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(731);
    private const string FilterPrefix = "filter.";

    public async Task<IReadOnlyList<ReportDefinitionDto>> ListAsync(string? language, CancellationToken ct)
    {
        var zh = await LanguageAsync(language, ct) == "zh-CN";
        var granted = await permissions.GetGrantedAsync(ct);
        return reports.Where(r => granted.Contains(r.Permission)).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Definition(r, zh)).ToList();
    }

    public async Task<(IServiceReport Report, ReportQuery Query, ReportResult Result)> RunAsync(string key, ReportParameters p, IQueryCollection query, CancellationToken ct)
    {
        var report = await FindAsync(key, ct);
        var q = await QueryAsync(report, p, query, ct);
        return (report, q, await report.RunAsync(q, ct));
    }

    public static ReportResultDto ToDto(IServiceReport report, ReportQuery q, ReportResult result) =>
        new(report.Key, Text(report.Name, q.IsChinese), q.From, q.To, q.GroupBy, q.Period, q.TimeZone, q.Filters,
            report.Measures.Select(m => Measure(m, q.IsChinese)).ToList(), result.Rows.Select(Row).ToList(), Row(result.Total));

    private async Task<IServiceReport> FindAsync(string key, CancellationToken ct)
    {
        var report = reports.FirstOrDefault(r => r.Key == key) ?? throw new BusinessException("report.not_found", $"There is no report '{key}'.", 404);
        if (!await permissions.IsGrantedAsync(report.Permission, ct))
            throw new BusinessException("report.forbidden", $"Running the report '{key}' needs the permission {report.Permission}.", 403);
        return report;
    }

    private async Task<ReportQuery> QueryAsync(IServiceReport report, ReportParameters p, IQueryCollection query, CancellationToken ct)
    {
        if (p.From is not { } fromRaw) throw RequestValidationException.For("from", "report.from_required", "Choose the start of the period.");
        if (p.To is not { } toRaw) throw RequestValidationException.For("to", "report.to_required", "Choose the end of the period.");
        var (from, to) = (Utc(fromRaw), Utc(toRaw));
        if (to <= from) throw RequestValidationException.For("to", "report.bad_period", "The end of the period must be after its start.");
        if (to - from > MaxRange) throw RequestValidationException.For("to", "report.period_too_long", "A report covers at most two years.");
        var groupBy = string.IsNullOrWhiteSpace(p.GroupBy) ? "period" : p.GroupBy.Trim();
        var dimensions = report.Dimensions.Select(d => d.Key).ToList();
        if (!dimensions.Contains(groupBy))
            throw RequestValidationException.For("groupBy", "report.unknown_dimension", $"'{groupBy}' is not a grouping of this report; use one of {string.Join(", ", dimensions)}.");
        string? period = null;
        if (groupBy == "period")
        {
            period = string.IsNullOrWhiteSpace(p.Period) ? "month" : p.Period.Trim();
            if (!Shared.ReportPeriods.Units.Contains(period))
                throw RequestValidationException.For("period", "report.unknown_period", "The period must be day, week or month.");
        }
        var filters = new Dictionary<string, string>();
        foreach (var (name, values) in query.Where(x => x.Key.StartsWith(FilterPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var dimension = name[FilterPrefix.Length..];
            var choice = report.Choices.FirstOrDefault(c => c.Key == dimension);
            if (dimension == "period" || !dimensions.Contains(dimension) && choice is null)
                throw RequestValidationException.For(name, "report.unknown_filter", $"'{dimension}' is not a filter of this report.");
            var value = values.ToString().Trim();
            if (choice is not null && !choice.Options.Contains(value))
                throw RequestValidationException.For(name, "report.unknown_option", $"'{value}' is not one of {string.Join(", ", choice.Options)}.");
            filters[dimension] = value;
        }
        return new ReportQuery(from, to, groupBy, period, filters)
        {
            Language = await LanguageAsync(p.Language, ct),
            TimeZone = await timeZone.TimeZoneIdAsync(ct),
        };
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private async Task<string> LanguageAsync(string? requested, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(requested))
            return requested is "zh-CN" or "en-US" ? requested : throw RequestValidationException.For("language", "report.unknown_language", "Choose zh-CN or en-US.");
        var accept = http.HttpContext?.Request.Headers.AcceptLanguage.ToString() ?? "";
        if (accept.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return "en-US";
        if (accept.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return "zh-CN";
        var me = user.Id;
        return await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.Language).FirstOrDefaultAsync(ct) ?? "zh-CN";
    }

    private static ReportDefinitionDto Definition(IServiceReport r, bool zh) => new(r.Key, Text(r.Name, zh),
        r.Dimensions.Select(d => new ReportDimensionDto(d.Key, Text(d.Name, zh))).ToList(),
        r.Measures.Select(m => Measure(m, zh)).ToList(),
        r.Dimensions.Where(d => d.Key != "period").Select(d => d.Key).ToList(),
        r.Choices.Select(c => new ReportChoiceDto(c.Key, Text(c.Name, zh), c.Options, c.Default)).ToList());

    private static ReportMeasureDto Measure(ReportMeasure m, bool zh) => new(m.Key, Text(m.Name, zh), m.Kind);

    private static ReportRowDto Row(ReportRow r) => new(r.Key, r.Label, r.Values);

    public static string Text(LocalizedText text, bool zh) => zh ? text.Zh : text.En;
}
