using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace SaasCrm.Service.Knowledge.Articles;

/// <summary>
/// Article bodies are rich text from the editor (Quill): sanitised on every save (scripts, event handlers,
/// javascript: links and unknown tags go), and turned into plain text for the index and for summaries.
/// </summary>
public static partial class ArticleHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // Quill marks alignment, indents and code blocks with classes and list kinds with data-list.
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("data-list");
        sanitizer.AllowedAttributes.Add("target");
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    /// <summary>The words of the HTML: block ends become spaces, tags go, entities are decoded, whitespace collapses.</summary>
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var spaced = BlockEnd().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(spaced, ""));
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Text as a paragraph of HTML (a ticket's description or a reply copied into an article).</summary>
    public static string FromText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Concat(text.Trim().Split('\n').Select(line => $"<p>{WebUtility.HtmlEncode(line.TrimEnd('\r'))}</p>"));

    [GeneratedRegex(@"<(br|/p|/div|/li|/h[1-6]|/pre|/blockquote|/tr|/td)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
