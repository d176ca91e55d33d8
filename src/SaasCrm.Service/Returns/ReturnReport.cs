using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Consultations;
using SaasCrm.Service.Reports;
using SaasCrm.Service.Reports.Shared;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Returns and compensation (V5): entries, quantities and amounts by kind, reason, department or period; approved, rejected
/// and approved amounts. Amounts add up entries in one currency: the "currency" filter, CNY by default.
/// </summary>
internal sealed class ReturnReport(PlatformDbContext db, ReturnAccess access, ReportLabels labels) : IServiceReport
{
    private sealed record Fact(ReturnKind Kind, string? Reason, Guid? Department, DateTime CreatedAt, ReturnStatus Status, int? Quantity, decimal? Amount);

    public string Key => "returns";
    public LocalizedText Name => new("Returns and compensation", "退换货与补偿统计");
    public string Permission => ReturnPermissions.Statistics;

    public IReadOnlyList<ReportDimension> Dimensions { get; } =
    [
        new("kind", new("Entry kind", "登记类型")),
        new("reason", new("Reason", "原因")),
        new("department", new("Responsible department", "责任部门")),
        new("period", new("Period", "期间")),
    ];

    /// <summary>The currency whose entries are counted and summed (CNY when not given); amounts of two currencies never add up.</summary>
    private static readonly ReportChoice Currency = new("currency", new("Currency", "币种"), ReturnCurrencies.All, ReturnCurrencies.Default);

    public IReadOnlyList<ReportChoice> Choices { get; } = [Currency];

    public IReadOnlyList<ReportMeasure> Measures { get; } =
    [
        new("entries", new("Entries", "登记数"), ReportMeasureKind.Count),
        new("quantity", new("Quantity", "数量"), ReportMeasureKind.Count),
        new("amount", new("Amount", "金额"), ReportMeasureKind.Money),
        new("approved", new("Approved", "已批准"), ReportMeasureKind.Count),
        new("rejected", new("Rejected", "已驳回"), ReportMeasureKind.Count),
        new("approvedAmount", new("Approved amount", "批准金额"), ReportMeasureKind.Money),
    ];

    private static readonly Dictionary<ReturnKind, LocalizedText> KindLabels = new()
    {
        [ReturnKind.ReturnExchange] = new("Return / exchange", "退换货"),
        [ReturnKind.QuickReturn] = new("Quick return", "快速退货"),
        [ReturnKind.PriceProtection] = new("Price protection", "价保补差"),
        [ReturnKind.VipHomeRefund] = new("VIP home refund", "VIP 上门退款"),
    };

    public async Task<ReportResult> RunAsync(ReportQuery query, CancellationToken ct)
    {
        var currency = Currency.ValueIn(query);
        var source = (await access.VisibleAsync(db.Set<ReturnEntry>().AsNoTracking(), ct))
            .Where(r => r.CreatedAt >= query.From && r.CreatedAt < query.To && r.Status != ReturnStatus.Draft && r.CurrencyCode == currency);
        foreach (var (filter, value) in query.Filters)
            source = filter switch
            {
                "kind" when Enum.TryParse<ReturnKind>(value, true, out var kind) => source.Where(r => r.Kind == kind),
                "reason" => source.Where(r => r.ReasonCode == value),
                "department" when Guid.TryParse(value, out var d) => source.Where(r => r.DepartmentId == d),
                _ => source,
            };
        var facts = await source.Select(r => new Fact(r.Kind, r.ReasonCode, r.DepartmentId, r.CreatedAt, r.Status, r.Quantity, r.Amount)).ToListAsync(ct);

        Func<string, string> label = query.GroupBy == "period" ? k => ReportGrouping.PeriodLabel(k, query) : k => k;
        Func<Fact, string?> key = query.GroupBy switch
        {
            "kind" => f => f.Kind.ToString(),
            "reason" => f => f.Reason,
            "department" => f => f.Department?.ToString(),
            _ => f => ReportGrouping.PeriodKey(f.CreatedAt, query),
        };
        switch (query.GroupBy)
        {
            case "kind":
                label = k => Enum.TryParse<ReturnKind>(k, out var kind) ? (query.IsChinese ? KindLabels[kind].Zh : KindLabels[kind].En) : k;
                break;
            case "reason":
                var returns = await labels.DictionaryAsync(ReturnDictionaries.ReturnReason, query.IsChinese, ct);
                var compensation = await labels.DictionaryAsync(ReturnDictionaries.CompensationReason, query.IsChinese, ct);
                label = k => returns(k) is var l && l != k ? l : compensation(k);
                break;
            case "department":
                label = await labels.DepartmentsAsync(facts.Where(f => f.Department != null).Select(f => f.Department!.Value.ToString()).Distinct(), query.IsChinese, ct);
                break;
        }
        return ReportGrouping.Build(facts, key, label, query.IsChinese, group =>
        {
            var approved = group.Where(f => f.Status is ReturnStatus.Approved or ReturnStatus.Completed).ToList();
            return new Dictionary<string, decimal?>
            {
                ["entries"] = group.Count,
                ["quantity"] = group.Sum(f => f.Quantity ?? 0),
                ["amount"] = group.Sum(f => f.Amount ?? 0m),
                ["approved"] = approved.Count,
                ["rejected"] = group.Count(f => f.Status == ReturnStatus.Rejected),
                ["approvedAmount"] = approved.Sum(f => f.Amount ?? 0m),
            };
        });
    }
}
