using System.IO.Compression;
using System.Text;
using SaasCrm.Platform.Files;

namespace SaasCrm.Platform.Tests;

public sealed class FileContentSnifferTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\n1 0 obj");
    private static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000");
    private static readonly byte[] Webp = [.. "RIFF"u8, 36, 0, 0, 0, .. "WEBPVP8 "u8];

    /// <summary>A minimal Office package: the content-types part and one part in the application's folder.</summary>
    private static byte[] Office(string partFolder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(partFolder + "document.xml");
        }
        return buffer.ToArray();
    }

    public static TheoryData<FileFormat, byte[]> Genuine => new()
    {
        { FileFormat.Png, Png }, { FileFormat.Jpeg, Jpeg }, { FileFormat.Pdf, Pdf }, { FileFormat.Gif, Gif }, { FileFormat.Webp, Webp },
        { FileFormat.Docx, Office("word/") }, { FileFormat.Xlsx, Office("xl/") }, { FileFormat.Pptx, Office("ppt/") },
        { FileFormat.Txt, Encoding.UTF8.GetBytes("客户反馈：空调不制冷") }, { FileFormat.Csv, Encoding.UTF8.GetBytes("name,phone\n华为,13800138000") },
    };

    [Theory, MemberData(nameof(Genuine))]
    public void A_file_is_what_its_bytes_say(FileFormat format, byte[] content) => Assert.True(FileContentSniffer.Matches(format, content));

    public static TheoryData<FileFormat, byte[]> Disguised => new()
    {
        { FileFormat.Png, Jpeg }, { FileFormat.Jpeg, Pdf }, { FileFormat.Pdf, Encoding.ASCII.GetBytes("<html><script>") },
        { FileFormat.Docx, Office("xl/") }, { FileFormat.Xlsx, Office("word/") }, { FileFormat.Pptx, [(byte)'P', (byte)'K', 3, 4, 1, 2] },
        { FileFormat.Txt, Pdf }, { FileFormat.Txt, [(byte)'M', (byte)'Z', 0x90, 0] }, { FileFormat.Csv, Office("xl/") },
        { FileFormat.Webp, [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVE"u8] }, { FileFormat.Gif, Encoding.ASCII.GetBytes("GIF") },
    };

    [Theory, MemberData(nameof(Disguised))]
    public void A_file_whose_bytes_are_another_kind_is_refused(FileFormat claimed, byte[] content) => Assert.False(FileContentSniffer.Matches(claimed, content));

    [Theory]
    [InlineData("photo.JPG", FileFormat.Jpeg)]
    [InlineData("photo.jpeg", FileFormat.Jpeg)]
    [InlineData("报价单.docx", FileFormat.Docx)]
    [InlineData("a.b.pdf", FileFormat.Pdf)]
    [InlineData("notes.txt", FileFormat.Txt)]
    public void The_claimed_format_comes_from_the_extension(string name, FileFormat expected) => Assert.Equal(expected, FileContentSniffer.FromFileName(name));

    [Theory]
    [InlineData("drawing.svg")]
    [InlineData("page.html")]
    [InlineData("setup.exe")]
    [InlineData("noextension")]
    [InlineData(null)]
    public void Unknown_or_active_formats_claim_nothing(string? name) => Assert.Null(FileContentSniffer.FromFileName(name));
}
