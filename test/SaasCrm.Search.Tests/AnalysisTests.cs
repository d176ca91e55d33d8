using SaasCrm.Search.Analysis;

namespace SaasCrm.Search.Tests;

public sealed class AnalysisTests
{
    private static List<string> Terms(CrmAnalyzer analyzer, string text) => analyzer.Tokenize(text).Select(t => t.Term).ToList();

    [Fact]
    public void Chinese_is_indexed_as_unigrams_and_bigrams()
    {
        var terms = Terms(CrmAnalyzer.ForIndex, "华为技术");
        Assert.Equal(["华", "华为", "为", "为技", "技", "技术", "术"], terms);
    }

    [Fact]
    public void Queries_use_bigrams_and_keep_an_isolated_character()
    {
        Assert.Equal(["华为"], Terms(CrmAnalyzer.ForQuery, "华为"));
        Assert.Equal(["王"], Terms(CrmAnalyzer.ForQuery, "王"));
    }

    [Fact]
    public void English_is_lower_cased_words_and_full_width_is_folded()
    {
        Assert.Equal(["acme", "trading", "co"], Terms(CrmAnalyzer.ForIndex, "ACME Trading Co."));
        Assert.Equal(["abc"], Terms(CrmAnalyzer.ForIndex, "ＡＢＣ"));
    }

    [Fact]
    public void Mixed_text_keeps_both()
    {
        var tokens = CrmAnalyzer.ForQuery.Tokenize("IBM 中国");
        Assert.Contains(tokens, t => t is { Term: "ibm", IsCjk: false });
        Assert.Contains(tokens, t => t is { Term: "中国", IsCjk: true });
    }

    [Fact]
    public void Phones_are_findable_by_any_run_of_digits_whatever_the_separators()
    {
        var terms = IdentifierTerms.For(["+86 138-1234-5678"]);
        Assert.Contains("13812345678", terms);
        Assert.Contains("1234", terms);
        Assert.Contains("5678", terms);
        Assert.Contains("81234", terms); // across a dash
        Assert.DoesNotContain("12", terms); // too short to mean anything
    }

    [Fact]
    public void Emails_are_findable_whole_and_by_part()
    {
        var terms = IdentifierTerms.For(["Zhang.San@Huawei.com"]);
        Assert.Contains("zhang.san@huawei.com", terms);
        Assert.Contains("zhang.san", terms);
        Assert.Contains("huawei.com", terms);
        Assert.Contains("zhang", terms);
        Assert.Contains("huawei", terms);
    }

    [Fact]
    public void Query_plan_recognises_phones_emails_words_and_cjk()
    {
        var plan = QueryPlan.Parse("138-1234 bob@acme.io Acme 华为");
        Assert.Equal(
            [new QueryTerm(QueryTermKind.Digits, "1381234"), new QueryTerm(QueryTermKind.Email, "bob@acme.io"), new QueryTerm(QueryTermKind.Word, "acme"), new QueryTerm(QueryTermKind.Cjk, "华为")],
            plan.Terms);
    }

    [Fact]
    public void Typo_tolerance_grows_with_word_length()
    {
        Assert.Equal(0, new QueryTerm(QueryTermKind.Word, "abc").MaxEdits);
        Assert.Equal(1, new QueryTerm(QueryTermKind.Word, "acme").MaxEdits);
        Assert.Equal(2, new QueryTerm(QueryTermKind.Word, "microsoft").MaxEdits);
        Assert.Equal(0, new QueryTerm(QueryTermKind.Cjk, "华为技术").MaxEdits);
    }
}
