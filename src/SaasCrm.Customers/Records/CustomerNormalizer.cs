using System.Globalization;
using System.Text;

namespace SaasCrm.Customers.Records;

/// <summary>Reduces names, phones and emails to the form duplicate checks compare.</summary>
public static class CustomerNormalizer
{
    // Longest first, so "股份有限公司" goes before "有限公司" and "公司".
    private static readonly string[] LegalForms =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司",
        "co.,ltd.", "co., ltd.", "co.,ltd", "co., ltd", "co ltd", "company limited", "corporation", "limited", "ltd.", "ltd",
        "inc.", "inc", "corp.", "corp", "gmbh", "llc", "co.",
    ];

    /// <summary>
    /// "Acme Co., Ltd." and "ＡＣＭＥ 有限公司" both become "acme": width-folded (NFKC), lower case, legal-form
    /// suffixes removed, spaces and punctuation dropped.
    /// </summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();
        bool removed;
        do
        {
            removed = false;
            foreach (var suffix in LegalForms)
            {
                if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length].TrimEnd(' ', ',', '.', '，', '、');
                    removed = true;
                    break;
                }
            }
        } while (removed);
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter) kept.Append(c);
        }
        var result = kept.ToString();
        return result.Length > 200 ? result[..200] : result;
    }

    /// <summary>Digits only, without a leading China country code: "+86 138-0013-8000" → "13800138000".</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits;
    }

    public static string Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "" : email.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
