using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using SaasCrm.Customers.Export;
using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.Import;

/// <summary>A sheet as text: the first row's headers (made unique) and the data rows (blank rows dropped).</summary>
public sealed record SheetData(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows)
{
    /// <summary>File row number of data row <paramref name="index"/> (headers are row 1).</summary>
    public static int RowNumber(int index) => index + 2;
}

/// <summary>Reads an uploaded .csv (UTF-8 with or without BOM, or GB18030 as saved by Chinese Excel) or .xlsx (first sheet).</summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetData Read(FileFormat format, byte[] content)
    {
        var raw = format == FileFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content);
        if (raw.Count == 0) return new SheetData([], []);
        var headers = UniqueHeaders(raw[0]);
        var rows = raw.Skip(1)
            .Select(r => Enumerable.Range(0, headers.Count).Select(i => i < r.Length ? Clean(r[i]) : null).ToArray())
            .Where(r => r.Any(v => v is not null))
            .ToList();
        return new SheetData(headers, rows);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030 (a superset of GBK/GB2312).</summary>
    public static Encoding DetectEncoding(byte[] content)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static List<string?[]> ReadCsv(byte[] content)
    {
        // The reader takes UTF-8: a GB18030 file is transcoded first, a UTF-8 byte order mark dropped.
        var encoding = DetectEncoding(content);
        var utf8 = encoding.CodePage == Encoding.UTF8.CodePage ? content : Encoding.UTF8.GetBytes(encoding.GetString(content));
        if (utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        using var reader = CsvReader.Create(utf8, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
            rows.Add(row);
        }
        return rows;
    }

    private static List<string?[]> ReadXlsx(byte[] content)
    {
        var rows = new List<string?[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(Text).ToArray());
        }
        return rows;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture), // phone numbers stored as numbers: no exponent
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Clean(string? value)
    {
        var trimmed = FormulaEscaper.Unescape(value?.Trim());
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static List<string> UniqueHeaders(string?[] first)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headers = new List<string>();
        for (var i = 0; i < first.Length; i++)
        {
            var header = string.IsNullOrWhiteSpace(first[i]) ? $"Column {i + 1}" : first[i]!.Trim().TrimStart('\uFEFF');
            var unique = header;
            for (var n = 2; !seen.Add(unique); n++) unique = $"{header} ({n})";
            headers.Add(unique);
        }
        return headers;
    }
}
