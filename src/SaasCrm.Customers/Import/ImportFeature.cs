namespace SaasCrm.Customers.Import;

internal sealed class ImportFeature : CustomersFeature
{
}
