namespace SaasCrm.Customers;

/// <summary>
/// What the service portals need of customers and contacts without knowing the customer module: the contact a
/// staff member invites (visibility checked for the caller), names by id (ids the portal already decided the
/// caller may see) and customers matching an e-mail address or phone number (self sign-up suggestions).
/// </summary>
public interface IPortalCustomerLookup
{
    /// <summary>The contact of a customer the caller may see; null when either is missing or hidden.</summary>
    Task<PortalContact?> FindVisibleContactAsync(Guid customerId, Guid contactId, CancellationToken cancellationToken);

    /// <summary>Customer names by id, without visibility checks: callers pass only ids they have already checked.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>Active customers whose e-mail or phone (or one of their contacts') matches.</summary>
    Task<IReadOnlyList<Guid>> MatchAsync(string? email, string? phone, CancellationToken cancellationToken);
}

public sealed record PortalContact(Guid CustomerId, string CustomerName, Guid ContactId, string Name, string? Email, string? Mobile);
