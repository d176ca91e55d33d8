namespace SaasCrm.Search.Analysis;

public enum QueryTermKind
{
    /// <summary>A CJK bigram or an isolated CJK character: matched exactly in title and text.</summary>
    Cjk,
    /// <summary>A word: exact, by prefix (typing), with typos (fuzzy), in title, text and identifier parts.</summary>
    Word,
    /// <summary>A run of digits (phone fragment): an identifier n-gram, or a word in the text.</summary>
    Digits,
    /// <summary>An email, whole or being typed: identifier exact or by prefix.</summary>
    Email,
}

public sealed record QueryTerm(QueryTermKind Kind, string Term)
{
    /// <summary>Prefix matching starts at two characters, so one letter does not expand to the whole vocabulary.</summary>
    public bool AllowsPrefix => Term.Length >= 2;

    /// <summary>Typos: one edit from four letters, two from eight (a short word with two edits matches too much).</summary>
    public int MaxEdits => Kind != QueryTermKind.Word || Term.Length < 4 || !Term.All(char.IsAsciiLetter) ? 0 : Term.Length >= 8 ? 2 : 1;
}

/// <summary>
/// What the user typed, split into terms that must all match (AND). Every engine builds its query from this
/// plan and the highlighter marks the same terms, so what is found is what is highlighted.
/// </summary>
public sealed class QueryPlan
{
    public const int MaxTerms = 16;

    private QueryPlan(IReadOnlyList<QueryTerm> terms) => Terms = terms;

    public IReadOnlyList<QueryTerm> Terms { get; }
    public bool IsEmpty => Terms.Count == 0;

    public static QueryPlan Parse(string? query)
    {
        var terms = new List<QueryTerm>();
        foreach (var part in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = part.ToLowerInvariant();
            if (lower.Contains('@'))
            {
                terms.Add(new QueryTerm(QueryTermKind.Email, lower.Trim('<', '>', ',', ';')));
                continue;
            }
            if (IdentifierTerms.LooksLikePhone(lower) && IdentifierTerms.DigitsOf(lower) is { Length: >= IdentifierTerms.MinDigits } digits)
            {
                terms.Add(new QueryTerm(QueryTermKind.Digits, digits));
                continue;
            }
            foreach (var token in CrmAnalyzer.ForQuery.Tokenize(part))
            {
                terms.Add(new QueryTerm(token.IsCjk ? QueryTermKind.Cjk : QueryTermKind.Word, token.Term));
            }
        }
        return new QueryPlan(terms.Distinct().Take(MaxTerms).ToList());
    }
}
