using SaasCrm.Customers;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Workflow;

/// <summary>
/// How Notify steps reach the customer of a ticket or complaint: the contact recorded on it (name, e-mail, mobile).
/// When the record has no way to reach anyone (no e-mail, no mobile), the customer directory's e-mail and mobile
/// (the customer's primary contact, else the customer's own) are used, with the recorded name or the customer's.
/// A recorded e-mail or mobile is never mixed with the directory's: it may belong to another person.
/// </summary>
internal static class ServiceContactPoint
{
    public static async Task<WorkflowContactPoint?> ResolveAsync(ICustomerDirectory customers, Guid customerId, string? name, string? email, string? mobile, CancellationToken ct)
    {
        name = Blank(name);
        email = Blank(email);
        mobile = Blank(mobile);
        if (email is not null || mobile is not null) return new WorkflowContactPoint(name ?? "", email, mobile);

        var customer = (await customers.FindAsync([customerId], ct)).GetValueOrDefault(customerId);
        if (customer is null) return name is null ? null : new WorkflowContactPoint(name, null, null);
        return new WorkflowContactPoint(name ?? customer.Name, Blank(customer.Email), Blank(customer.Mobile));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
