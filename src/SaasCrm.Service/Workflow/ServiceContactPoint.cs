using SaasCrm.Customers;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Workflow;

/// <summary>
/// How Notify steps reach the customer of a ticket or complaint: the contact recorded on it (name, e-mail, mobile);
/// without one, the customer's name only (the customer module does not offer its contacts to other modules yet).
/// </summary>
internal static class ServiceContactPoint
{
    public static async Task<WorkflowContactPoint?> ResolveAsync(ICustomerDirectory customers, Guid customerId, string? name, string? email, string? mobile, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(name) || email is not null || mobile is not null)
            return new WorkflowContactPoint(name ?? "", email, mobile);
        var customer = (await customers.FindAsync([customerId], ct)).GetValueOrDefault(customerId);
        return customer is null ? null : new WorkflowContactPoint(customer.Name, null, null);
    }
}
