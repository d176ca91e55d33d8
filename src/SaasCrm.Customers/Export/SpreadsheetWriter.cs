using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.Export;

/// <summary>
/// Writes a header row and rows to .xlsx or .csv (UTF-8 with BOM, so Excel reads Chinese correctly). Every
/// text cell goes through <see cref="FormulaEscaper"/>; numbers and dates stay typed in .xlsx.
/// </summary>
public static class SpreadsheetWriter
{
    public static byte[] Write(FileFormat format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        if (format == FileFormat.Xlsx) WriteXlsx(stream, headers, rows);
        else WriteCsv(stream, headers, rows);
        return stream.ToArray();
    }

    private static void WriteXlsx(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        // Ordinal keys and our own header row: duplicate header texts and empty exports both work.
        var keys = Enumerable.Range(0, headers.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        IEnumerable<Dictionary<string, object?>> Sheet()
        {
            yield return ToRow(keys, headers.Cast<object?>().ToList());
            foreach (var row in rows) yield return ToRow(keys, row);
        }
        MiniExcel.SaveAs(stream, Sheet(), printHeader: false, excelType: ExcelType.XLSX);
    }

    private static Dictionary<string, object?> ToRow(string[] keys, IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var value = i < values.Count ? values[i] : null;
            row[keys[i]] = value is string text ? FormulaEscaper.Escape(text) : value;
        }
        return row;
    }

    private static void WriteCsv(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        foreach (var header in headers) csv.WriteField(FormulaEscaper.Escape(header));
        csv.EndRecord();
        foreach (var row in rows)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var value = i < row.Count ? row[i] : null;
                csv.WriteField(value is string text ? FormulaEscaper.Escape(text) : Text(value)); // typed numbers cannot start a formula
            }
            csv.EndRecord();
        }
        csv.Flush();
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture), // MariaDB's DECIMAL scale adds trailing zeros
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
