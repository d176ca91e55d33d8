namespace SaasCrm.Customers;

/// <summary>The search document types this module feeds (see ISearchIndexQueue).</summary>
public static class SearchDocumentTypes
{
    public const string Customer = "customer";
    public const string Contact = "contact";
}
