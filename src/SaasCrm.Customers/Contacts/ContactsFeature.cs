namespace SaasCrm.Customers.Contacts;

internal sealed class ContactsFeature : CustomersFeature
{
}
