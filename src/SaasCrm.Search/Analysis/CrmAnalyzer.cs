using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SaasCrm.Search.Analysis;

/// <summary>
/// Chinese and English in one analyzer: the standard tokenizer (UAX#29 words; each Han character on its own),
/// full-width forms folded, lower case, then adjacent CJK characters joined into bigrams. The index keeps the
/// unigrams too, so a single character (a surname) finds its records; queries use bigrams only (an isolated
/// character stays a unigram), so "华为" matches the bigram inside 深圳华为技术有限公司, not every 华 and 为.
/// </summary>
public sealed class CrmAnalyzer(bool outputUnigrams) : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static CrmAnalyzer ForIndex { get; } = new(outputUnigrams: true);
    public static CrmAnalyzer ForQuery { get; } = new(outputUnigrams: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The tokens of <paramref name="text"/> with their kind, in order.</summary>
    public IReadOnlyList<AnalyzedToken> Tokenize(string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), type.Type is "<DOUBLE>" or "<SINGLE>" or "<IDEOGRAPHIC>" or "<HIRAGANA>" or "<KATAKANA>" or "<HANGUL>"));
        }
        stream.End();
        return tokens;
    }
}

/// <param name="IsCjk">A CJK unigram or bigram (matched exactly); otherwise a word (also by prefix and typo).</param>
public sealed record AnalyzedToken(string Term, bool IsCjk);
