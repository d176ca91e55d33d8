namespace SaasCrm.Customers.History;

internal sealed class HistoryFeature : CustomersFeature
{
}
