using System.Net;
using System.Text;

namespace SaasCrm.Search.Analysis;

/// <summary>
/// Marks the query's terms in stored text with &lt;em&gt;…&lt;/em&gt; and HTML-escapes everything else, so the
/// UI can render the fragment as HTML safely. CJK terms match as substrings, words at word starts (prefix) or
/// within the typo distance, digit runs inside phone numbers whatever the separators.
/// </summary>
public static class Highlighter
{
    public const string Open = "<em>", Close = "</em>";

    /// <summary>The highlighted fragment of <paramref name="text"/> around its first match, or null when nothing matches.</summary>
    public static string? Fragment(string? text, QueryPlan plan, int maxLength = 120)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var spans = Spans(text, plan);
        if (spans.Count == 0) return null;
        var start = 0;
        var end = text.Length;
        if (text.Length > maxLength)
        {
            start = Math.Max(0, spans[0].Start - maxLength / 4);
            end = Math.Min(text.Length, start + maxLength);
        }
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        var position = start;
        foreach (var (s, e) in spans)
        {
            if (e <= start || s >= end) continue;
            var from = Math.Max(s, start);
            var to = Math.Min(e, end);
            sb.Append(WebUtility.HtmlEncode(text[position..from])).Append(Open).Append(WebUtility.HtmlEncode(text[from..to])).Append(Close);
            position = to;
        }
        sb.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>The whole text, escaped, with matches marked (for a title); escaped text when nothing matches.</summary>
    public static string Mark(string text, QueryPlan plan) => Fragment(text, plan, int.MaxValue) ?? WebUtility.HtmlEncode(text);

    /// <summary>Matched character ranges, sorted and merged.</summary>
    public static List<(int Start, int End)> Spans(string text, QueryPlan plan)
    {
        var lower = text.ToLowerInvariant();
        var spans = new List<(int Start, int End)>();
        foreach (var term in plan.Terms)
        {
            switch (term.Kind)
            {
                case QueryTermKind.Cjk:
                case QueryTermKind.Email:
                    AddOccurrences(lower, term.Term, spans);
                    break;
                case QueryTermKind.Digits:
                    AddDigitRuns(text, term.Term, spans);
                    break;
                case QueryTermKind.Word:
                    AddWords(lower, term, spans);
                    break;
            }
        }
        return Merge(spans);
    }

    private static void AddOccurrences(string lower, string term, List<(int, int)> spans)
    {
        if (term.Length == 0) return;
        for (var i = lower.IndexOf(term, StringComparison.Ordinal); i >= 0; i = lower.IndexOf(term, i + term.Length, StringComparison.Ordinal))
            spans.Add((i, i + term.Length));
    }

    /// <summary>A digit run matches across separators: "1234" in "138-1234-5678" and "81234" across the dash.</summary>
    private static void AddDigitRuns(string text, string digits, List<(int, int)> spans)
    {
        var positions = new List<int>();
        var only = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            positions.Add(i);
            only.Append(text[i]);
        }
        var all = only.ToString();
        for (var i = all.IndexOf(digits, StringComparison.Ordinal); i >= 0; i = all.IndexOf(digits, i + digits.Length, StringComparison.Ordinal))
            spans.Add((positions[i], positions[i + digits.Length - 1] + 1));
    }

    private static void AddWords(string lower, QueryTerm term, List<(int, int)> spans)
    {
        var i = 0;
        while (i < lower.Length)
        {
            if (!char.IsLetterOrDigit(lower[i]) || IsCjk(lower[i])) { i++; continue; }
            var start = i;
            while (i < lower.Length && char.IsLetterOrDigit(lower[i]) && !IsCjk(lower[i])) i++;
            var word = lower[start..i];
            if (word == term.Term) spans.Add((start, i));
            else if (term.AllowsPrefix && word.StartsWith(term.Term, StringComparison.Ordinal)) spans.Add((start, start + term.Term.Length));
            else if (term.MaxEdits > 0 && Math.Abs(word.Length - term.Term.Length) <= term.MaxEdits && EditDistance(word, term.Term) <= term.MaxEdits) spans.Add((start, i));
        }
    }

    private static bool IsCjk(char c) => c >= '\u2E80' && c <= '\uFFEF' && !char.IsAsciiLetterOrDigit(c);

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else merged.Add(span);
        }
        return merged;
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment), as Lucene's fuzzy query counts a transposition as one edit.</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
