namespace SaasCrm.Customers.Records;

internal sealed class CustomerRecordsFeature : CustomersFeature
{
}
