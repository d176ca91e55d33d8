using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Reports;
using SaasCrm.Service.Reports.Shared;

namespace SaasCrm.Service.Consultations;

/// <summary>Consultation statistics (V4): entries and enquiries by type, department, category, brand or period; answered at once, transferred, in time, overdue.</summary>
internal sealed class ConsultationReport(PlatformDbContext db, ConsultationAccess access, ReportLabels labels, TimeProvider clock) : IServiceReport
{
    private sealed record Fact(string Type, Guid? Department, string? Category, string? Brand, DateTime CreatedAt, ConsultationStatus Status,
        int Quantity, DateTime? TransferredAt, DateTime? Deadline, bool? OnTime);

    public string Key => "consultations";
    public LocalizedText Name => new("Consultations", "咨询统计");
    public string Permission => ConsultationPermissions.Statistics;

    public IReadOnlyList<ReportDimension> Dimensions { get; } =
    [
        new("type", new("Enquiry type", "咨询类型")),
        new("department", new("Responsible department", "责任部门")),
        new("productCategory", new("Product category", "商品品类")),
        new("brand", new("Brand", "品牌")),
        new("period", new("Period", "期间")),
    ];

    public IReadOnlyList<ReportMeasure> Measures { get; } =
    [
        new("entries", new("Entries", "登记数"), ReportMeasureKind.Count),
        new("enquiries", new("Enquiries", "咨询数量"), ReportMeasureKind.Count),
        new("answeredAtOnce", new("Answered at once", "当场解答"), ReportMeasureKind.Count),
        new("transferred", new("Transferred", "转交部门"), ReportMeasureKind.Count),
        new("answeredOnTimeRate", new("Department answers in time", "部门按时答复率"), ReportMeasureKind.Percent),
        new("overdue", new("Overdue now", "当前超时"), ReportMeasureKind.Count),
    ];

    public async Task<ReportResult> RunAsync(ReportQuery query, CancellationToken ct)
    {
        var source = (await access.VisibleAsync(db.Set<Consultation>().AsNoTracking(), ct)).Where(c => c.CreatedAt >= query.From && c.CreatedAt < query.To);
        foreach (var (filter, value) in query.Filters)
            source = filter switch
            {
                "type" => source.Where(c => c.EnquiryTypeCode == value),
                "department" when Guid.TryParse(value, out var d) => source.Where(c => c.DepartmentId == d),
                "productCategory" => source.Where(c => c.ProductCategoryCode == value),
                "brand" => source.Where(c => c.BrandCode == value),
                _ => source,
            };
        var facts = await source.Select(c => new Fact(c.EnquiryTypeCode, c.DepartmentId, c.ProductCategoryCode, c.BrandCode, c.CreatedAt, c.Status,
            c.Quantity, c.TransferredAt, c.Deadline, c.AnsweredOnTime)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        Func<string, string> label = query.GroupBy == "period" ? k => ReportGrouping.PeriodLabel(k, query) : k => k;
        Func<Fact, string?> key = query.GroupBy switch
        {
            "type" => f => f.Type,
            "department" => f => f.Department?.ToString(),
            "productCategory" => f => f.Category,
            "brand" => f => f.Brand,
            _ => f => ReportGrouping.PeriodKey(f.CreatedAt, query),
        };
        switch (query.GroupBy)
        {
            case "type": label = await labels.DictionaryAsync(ConsultationDictionaries.EnquiryType, query.IsChinese, ct); break;
            case "productCategory": label = await labels.DictionaryAsync(ServiceDictionaries.ProductCategory, query.IsChinese, ct); break;
            case "brand": label = await labels.DictionaryAsync(ServiceDictionaries.Brand, query.IsChinese, ct); break;
            case "department":
                label = await labels.DepartmentsAsync(facts.Where(f => f.Department != null).Select(f => f.Department!.Value.ToString()).Distinct(), query.IsChinese, ct);
                break;
        }
        return ReportGrouping.Build(facts, key, label, query.IsChinese, group =>
        {
            var answers = group.Where(f => f.OnTime != null).ToList();
            return new Dictionary<string, decimal?>
            {
                ["entries"] = group.Count,
                ["enquiries"] = group.Sum(f => f.Quantity),
                ["answeredAtOnce"] = group.Count(f => f.Status == ConsultationStatus.Answered && f.TransferredAt == null),
                ["transferred"] = group.Count(f => f.TransferredAt != null),
                ["answeredOnTimeRate"] = ReportMath.Percent(answers.Count(f => f.OnTime == true), answers.Count),
                ["overdue"] = group.Count(f => f.Status == ConsultationStatus.Transferred && f.Deadline < now),
            };
        });
    }
}
