using SaasCrm.Search.Analysis;

namespace SaasCrm.Search.Tests;

public sealed class HighlighterTests
{
    [Fact]
    public void Marks_a_chinese_word_inside_a_longer_name()
    {
        Assert.Equal("深圳<em>华为</em>技术有限公司", Highlighter.Mark("深圳华为技术有限公司", QueryPlan.Parse("华为")));
    }

    [Fact]
    public void Marks_word_prefixes_and_typos_case_insensitively()
    {
        Assert.Equal("<em>Acm</em>e Trading", Highlighter.Mark("Acme Trading", QueryPlan.Parse("acm")));
        Assert.Equal("<em>Microsoft</em> China", Highlighter.Mark("Microsoft China", QueryPlan.Parse("microsfot")));
    }

    [Fact]
    public void Marks_digits_across_separators()
    {
        Assert.Equal("138-<em>1234-5</em>678", Highlighter.Fragment("138-1234-5678", QueryPlan.Parse("12345")));
    }

    [Fact]
    public void Escapes_html_around_and_inside_matches()
    {
        Assert.Equal("&lt;b&gt;<em>Acme</em>&lt;/b&gt; &amp; Co", Highlighter.Mark("<b>Acme</b> & Co", QueryPlan.Parse("acme")));
        Assert.Null(Highlighter.Fragment("<script>", QueryPlan.Parse("acme")));
        Assert.Equal("&lt;script&gt;", Highlighter.Mark("<script>", QueryPlan.Parse("acme")));
    }

    [Fact]
    public void Long_text_is_cut_around_the_first_match()
    {
        var text = new string('x', 300) + " 华为 " + new string('y', 300);
        var fragment = Highlighter.Fragment(text, QueryPlan.Parse("华为"), maxLength: 60)!;
        Assert.StartsWith("…", fragment);
        Assert.EndsWith("…", fragment);
        Assert.Contains("<em>华为</em>", fragment);
        Assert.True(fragment.Length < 100);
    }

    [Fact]
    public void Overlapping_matches_merge_into_one_mark()
    {
        Assert.Equal("<em>华为技术</em>", Highlighter.Mark("华为技术", QueryPlan.Parse("华为技术")));
    }
}
