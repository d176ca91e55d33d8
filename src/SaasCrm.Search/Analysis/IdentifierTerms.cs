using System.Text;

namespace SaasCrm.Search.Analysis;

/// <summary>
/// Phones, emails and codes are findable by any part: a phone by any run of 3+ of its digits (all digit
/// n-grams, whatever the separators), an email by itself, its local part, its domain and the words in them.
/// </summary>
public static class IdentifierTerms
{
    public const int MinDigits = 3;
    public const int MaxDigits = 20;

    public static IReadOnlySet<string> For(IEnumerable<string> identifiers)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in identifiers)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var value = raw.Trim().ToLowerInvariant();
            if (value.Contains('@')) AddEmail(terms, value);
            else if (DigitsOf(value) is { Length: >= MinDigits } digits && LooksLikePhone(value)) AddDigitGrams(terms, digits);
            else
            {
                terms.Add(value);
                foreach (var part in Words(value)) terms.Add(part);
            }
        }
        return terms;
    }

    /// <summary>Only digits, with the separators people type (+86 138-1234 5678, (010) 8888).</summary>
    public static bool LooksLikePhone(string value) =>
        value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.' or '/') && value.Any(char.IsAsciiDigit);

    public static string DigitsOf(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value) if (char.IsAsciiDigit(c)) sb.Append(c);
        return sb.Length > MaxDigits ? sb.ToString(0, MaxDigits) : sb.ToString();
    }

    public static IEnumerable<string> Words(string value) =>
        value.Split(['.', '@', '_', '-', '+', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);

    private static void AddEmail(HashSet<string> terms, string email)
    {
        terms.Add(email);
        var at = email.IndexOf('@');
        terms.Add(email[..at]);
        terms.Add(email[(at + 1)..]);
        foreach (var part in Words(email)) terms.Add(part);
    }

    private static void AddDigitGrams(HashSet<string> terms, string digits)
    {
        for (var length = MinDigits; length <= digits.Length; length++)
        {
            for (var start = 0; start + length <= digits.Length; start++) terms.Add(digits.Substring(start, length));
        }
    }
}
