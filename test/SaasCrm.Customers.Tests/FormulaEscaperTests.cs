using SaasCrm.Customers.Export;

namespace SaasCrm.Customers.Tests;

public sealed class FormulaEscaperTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    public void Text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, FormulaEscaper.Escape(value));

    [Theory]
    [InlineData("Acme")]
    [InlineData("上海=公司")]
    [InlineData("'quoted")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_left_as_it_is(string? value) => Assert.Equal(value, FormulaEscaper.Escape(value));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("@x")]
    [InlineData("plain")]
    public void Unescape_undoes_escape(string value) => Assert.Equal(value, FormulaEscaper.Unescape(FormulaEscaper.Escape(value)));
}
