using System.IO.Compression;

namespace SaasCrm.Platform.Files;

/// <summary>
/// Decides what a file is from its bytes, not its name: an .xlsx is a zip holding [Content_Types].xml and a
/// workbook part; a CSV is text (no NUL bytes, no known binary signature).
/// </summary>
public static class FileContentSniffer
{
    public static readonly IReadOnlyDictionary<FileFormat, string> ContentTypes = new Dictionary<FileFormat, string>
    {
        [FileFormat.Csv] = "text/csv",
        [FileFormat.Xlsx] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static readonly IReadOnlyDictionary<FileFormat, string> Extensions = new Dictionary<FileFormat, string>
    {
        [FileFormat.Csv] = ".csv",
        [FileFormat.Xlsx] = ".xlsx",
    };

    /// <summary>The format a file name claims by its extension, if any we know.</summary>
    public static FileFormat? FromFileName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        foreach (var (format, known) in Extensions)
        {
            if (known == extension) return format;
        }
        return null;
    }

    public static bool Matches(FileFormat format, ReadOnlySpan<byte> content) => format switch
    {
        FileFormat.Xlsx => IsXlsx(content),
        FileFormat.Csv => IsText(content),
        _ => false,
    };

    public static bool IsXlsx(ReadOnlySpan<byte> content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Text: no NUL byte in the first 64 KB and not a zip, PDF or executable.</summary>
    public static bool IsText(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 64 * 1024)];
        if (head.IndexOf((byte)0) >= 0) return false;
        ReadOnlySpan<byte> zip = [(byte)'P', (byte)'K', 3, 4], pdf = "%PDF"u8, exe = "MZ"u8, elf = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        return !(head.StartsWith(zip) || head.StartsWith(pdf) || head.StartsWith(exe) || head.StartsWith(elf));
    }
}
