using System.IO.Compression;

namespace SaasCrm.Platform.Files;

/// <summary>
/// Decides what a file is from its bytes, not its name: images and PDF by their signature; an Office file is a zip
/// holding [Content_Types].xml and its application's part folder (xl/, word/, ppt/); CSV and plain text are text
/// (no NUL bytes, no known binary signature). SVG and HTML are never accepted: they could carry script.
/// </summary>
public static class FileContentSniffer
{
    public static readonly IReadOnlyDictionary<FileFormat, string> ContentTypes = new Dictionary<FileFormat, string>
    {
        [FileFormat.Csv] = "text/csv",
        [FileFormat.Xlsx] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [FileFormat.Pdf] = "application/pdf",
        [FileFormat.Png] = "image/png",
        [FileFormat.Jpeg] = "image/jpeg",
        [FileFormat.Gif] = "image/gif",
        [FileFormat.Webp] = "image/webp",
        [FileFormat.Docx] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [FileFormat.Pptx] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [FileFormat.Txt] = "text/plain",
    };

    /// <summary>Each format's usual extension (for names of generated files and for messages).</summary>
    public static readonly IReadOnlyDictionary<FileFormat, string> Extensions = new Dictionary<FileFormat, string>
    {
        [FileFormat.Csv] = ".csv",
        [FileFormat.Xlsx] = ".xlsx",
        [FileFormat.Pdf] = ".pdf",
        [FileFormat.Png] = ".png",
        [FileFormat.Jpeg] = ".jpg",
        [FileFormat.Gif] = ".gif",
        [FileFormat.Webp] = ".webp",
        [FileFormat.Docx] = ".docx",
        [FileFormat.Pptx] = ".pptx",
        [FileFormat.Txt] = ".txt",
    };

    /// <summary>Documents and pictures a ticket, an article or a follow-up may carry.</summary>
    public static readonly IReadOnlyList<FileFormat> Documents =
        [FileFormat.Pdf, FileFormat.Png, FileFormat.Jpeg, FileFormat.Gif, FileFormat.Webp, FileFormat.Docx, FileFormat.Xlsx, FileFormat.Pptx, FileFormat.Csv, FileFormat.Txt];

    private static readonly Dictionary<string, FileFormat> ByExtension =
        Extensions.ToDictionary(e => e.Value, e => e.Key).Append(new(".jpeg", FileFormat.Jpeg)).ToDictionary();

    /// <summary>The format a file name claims by its extension, if any we know.</summary>
    public static FileFormat? FromFileName(string? fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName ?? "").ToLowerInvariant(), out var format) ? format : null;

    public static bool Matches(FileFormat format, ReadOnlySpan<byte> content) => format switch
    {
        FileFormat.Xlsx => IsOffice(content, "xl/"),
        FileFormat.Docx => IsOffice(content, "word/"),
        FileFormat.Pptx => IsOffice(content, "ppt/"),
        FileFormat.Csv or FileFormat.Txt => IsText(content),
        FileFormat.Pdf => content.StartsWith("%PDF-"u8),
        FileFormat.Png => content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        FileFormat.Jpeg => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        FileFormat.Gif => content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8),
        FileFormat.Webp => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };

    private static bool IsOffice(ReadOnlySpan<byte> content, string partFolder)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(partFolder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Text: no NUL byte in the first 64 KB, not a zip, PDF or executable.</summary>
    public static bool IsText(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 64 * 1024)];
        if (head.IndexOf((byte)0) >= 0) return false;
        ReadOnlySpan<byte> zip = [(byte)'P', (byte)'K', 3, 4], pdf = "%PDF"u8, exe = "MZ"u8, elf = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        return !(head.StartsWith(zip) || head.StartsWith(pdf) || head.StartsWith(exe) || head.StartsWith(elf));
    }
}
