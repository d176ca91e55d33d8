namespace SaasCrm.Customers.Reminders;

internal sealed class RemindersFeature : CustomersFeature
{
}
