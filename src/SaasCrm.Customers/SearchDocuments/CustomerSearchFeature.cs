namespace SaasCrm.Customers.SearchDocuments;

internal sealed class CustomerSearchFeature : CustomersFeature
{
}
