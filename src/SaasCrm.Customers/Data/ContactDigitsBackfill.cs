namespace SaasCrm.Customers.Data;

/// <summary>
/// Fills the digits of contact numbers saved before they were kept, in SQL both databases run: the usual separators
/// removed and the China country code dropped, as <see cref="Records.CustomerNormalizer.Phone"/> does. A number with
/// other characters (full-width digits, an extension word) keeps them and is not matched until it is saved again.
/// </summary>
public static class ContactDigitsBackfill
{
    public static IEnumerable<string> Statements() =>
        new[] { ("Mobile", "MobileDigits"), ("Phone", "PhoneDigits") }.SelectMany(c => new[]
        {
            $"UPDATE Contacts SET {c.Item2} = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE({c.Item1}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '') WHERE {c.Item1} IS NOT NULL",
            $"UPDATE Contacts SET {c.Item2} = SUBSTR({c.Item2}, 5) WHERE {c.Item2} LIKE '0086%'",
            $"UPDATE Contacts SET {c.Item2} = SUBSTR({c.Item2}, 3) WHERE {c.Item2} LIKE '86%' AND LENGTH({c.Item2}) = 13",
            $"UPDATE Contacts SET {c.Item2} = NULL WHERE {c.Item2} = ''",
        });
}
