namespace SaasCrm.Customers.Data;

/// <summary>
/// Fills the digits of contact numbers saved before they were kept, in SQL both databases run: the usual separators
/// removed and the China country code dropped, as <see cref="Records.CustomerNormalizer.Phone"/> does. A number with
/// other characters (full-width digits, an extension word) keeps them and is not matched until it is saved again.
/// The ContactNumberDigits migration runs these statements: change them only together with a new migration.
/// </summary>
public static class ContactDigitsBackfill
{
    public static IEnumerable<string> Statements() =>
        new[] { ("Mobile", "MobileDigits"), ("Phone", "PhoneDigits") }.SelectMany(c => new[]
        {
            $"UPDATE Contacts SET {c.Item2} = {Strip(c.Item1)} WHERE {c.Item1} IS NOT NULL",
            $"UPDATE Contacts SET {c.Item2} = SUBSTR({c.Item2}, 5) WHERE {c.Item2} LIKE '0086%'",
            // LENGTH counts bytes on MariaDB and characters on SQLite: the same for the ASCII digits this is meant for.
            $"UPDATE Contacts SET {c.Item2} = SUBSTR({c.Item2}, 3) WHERE {c.Item2} LIKE '86%' AND LENGTH({c.Item2}) = 13",
            $"UPDATE Contacts SET {c.Item2} = NULL WHERE {c.Item2} = ''",
        });

    /// <summary>The column without the separators people type, half- and full-width (Chinese input gives the latter).</summary>
    private static string Strip(string column) =>
        new[] { " ", "-", "(", ")", "+", ".", "/", "\u3000", "\uFF08", "\uFF09", "\uFF0D", "\uFF0B" }
            .Aggregate(column, (sql, separator) => $"REPLACE({sql}, '{separator}', '')");
}
