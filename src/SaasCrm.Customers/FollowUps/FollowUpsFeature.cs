namespace SaasCrm.Customers.FollowUps;

internal sealed class FollowUpsFeature : CustomersFeature
{
}
