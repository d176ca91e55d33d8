namespace SaasCrm.Customers.Views;

internal sealed class SavedViewsFeature : CustomersFeature
{
}
