using System.Globalization;
using MiniExcelLibs;

namespace SaasCrm.Service.Reports;

/// <summary>
/// A report as .xlsx: a header row (the grouping, then each measure with its unit, in the caller's language), one row
/// per group and the total. Figures stay numbers (durations in minutes, percentages 0..100, scores with two decimals);
/// labels are escaped so a department named "=..." never becomes a formula (ASVS 1.2.10).
/// </summary>
public static class ReportExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IServiceReport report, ReportQuery q, ReportResult result)
    {
        var zh = q.IsChinese;
        var dimension = report.Dimensions.First(d => d.Key == q.GroupBy);
        var headers = new List<string> { ReportRunner.Text(dimension.Name, zh) };
        headers.AddRange(report.Measures.Select(m => ReportRunner.Text(m.Name, zh) + Unit(m.Kind, zh)));
        var keys = Enumerable.Range(0, headers.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        Dictionary<string, object?> Line(IReadOnlyList<object?> cells) => keys.Select((k, i) => (k, cells[i])).ToDictionary(x => x.k, x => x.Item2);
        Dictionary<string, object?> Figures(ReportRow row) =>
            Line([Escape(row.Label), .. report.Measures.Select(m => (object?)row.Values.GetValueOrDefault(m.Key))]);

        IEnumerable<Dictionary<string, object?>> Sheet()
        {
            yield return Line(headers.Cast<object?>().ToList());
            foreach (var row in result.Rows) yield return Figures(row);
            yield return Figures(result.Total);
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, Sheet(), printHeader: false, sheetName: Safe(ReportRunner.Text(report.Name, zh)), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string FileName(IServiceReport report, ReportQuery q) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Key}-{q.GroupBy}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.xlsx");

    private static string Unit(ReportMeasureKind kind, bool zh) => kind switch
    {
        ReportMeasureKind.DurationMinutes => zh ? "（分钟）" : " (min)",
        ReportMeasureKind.Percent => " (%)",
        _ => "",
    };

    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    private static string Escape(string text) => text.Length > 0 && Array.IndexOf(FormulaTriggers, text[0]) >= 0 ? "'" + text : text;

    private static string Safe(string sheet) => new(sheet.Where(c => !"[]:*?/\\".Contains(c)).Take(31).ToArray());
}
