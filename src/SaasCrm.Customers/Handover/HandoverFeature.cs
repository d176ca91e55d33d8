namespace SaasCrm.Customers.Handover;

internal sealed class HandoverFeature : CustomersFeature
{
}
