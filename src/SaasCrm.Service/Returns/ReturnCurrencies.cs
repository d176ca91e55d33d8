namespace SaasCrm.Service.Returns;

/// <summary>The currencies an entry's amount may be in: the form offers them, the report totals one of them at a time.</summary>
public static class ReturnCurrencies
{
    public const string Default = "CNY";
    public static readonly IReadOnlyList<string> All = ["CNY", "USD", "EUR", "HKD"];
}
