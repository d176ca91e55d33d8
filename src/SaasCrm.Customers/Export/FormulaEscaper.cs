namespace SaasCrm.Customers.Export;

/// <summary>
/// Keeps spreadsheet cells from being read as formulas (OWASP "CSV injection", ASVS 1.2.10): a text starting
/// with =, +, -, @, tab or carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text.
/// Numbers written as numbers need nothing; only text is escaped.
/// </summary>
public static class FormulaEscaper
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Escape(string? value) =>
        string.IsNullOrEmpty(value) || Array.IndexOf(Triggers, value[0]) < 0 ? value : "'" + value;

    /// <summary>Undoes <see cref="Escape"/> when a file we produced comes back (an error file fixed and re-imported).</summary>
    public static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && Array.IndexOf(Triggers, value[1]) >= 0 ? value[1..] : value;
}
