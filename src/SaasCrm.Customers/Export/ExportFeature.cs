namespace SaasCrm.Customers.Export;

internal sealed class ExportFeature : CustomersFeature
{
}
