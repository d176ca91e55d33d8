namespace SaasCrm.Customers.Merge;

internal sealed class MergeFeature : CustomersFeature
{
}
