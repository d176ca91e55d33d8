using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers;

/// <summary>
/// A later module's records of customers (opportunities, orders, contracts, payments, tickets, complaints),
/// as the customer module asks for them: counts for a merge preview and the 360 slots, and whether a
/// customer has open business that exempts it from the public pool. Registered by the module that owns them.
/// </summary>
public interface ICustomerRelatedRecords
{
    /// <summary>Stable kind name, e.g. "opportunity".</summary>
    string Kind { get; }
    LocalizedText DisplayName { get; }

    /// <summary>How many records of this kind each customer has (customers with none may be left out).</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>Customers among these with open records (an open opportunity or order) that keep them out of the pool.</summary>
    Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>The newest records of one customer for its 360 page, at most <paramref name="take"/>, visible to the caller.</summary>
    Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken cancellationToken);
}

/// <summary>A line in a customer's 360 slot.</summary>
public sealed record CustomerRelatedRecord(Guid Id, string Title, string? Status, decimal? Amount, DateTime At, string Link);

/// <summary>
/// Entries a later module adds to a customer's 360 timeline (the call center's calls), beside the customer module's
/// follow-ups, reminders and ownership moves. Registered by the module that owns them; one bounded read per load.
/// </summary>
public interface ICustomerTimelineSource
{
    /// <summary>Stable kind of the entries, e.g. "call"; the UI picks an icon and layout by it.</summary>
    string Kind { get; }

    /// <summary>The newest entries of one customer, at most <paramref name="take"/>, visible to the caller.</summary>
    Task<IReadOnlyList<CustomerTimelineItem>> LatestAsync(Guid customerId, int take, CancellationToken cancellationToken);
}

/// <summary>A timeline entry from a later module.</summary>
/// <param name="Title">A short line (a call's number).</param>
/// <param name="UserId">Who acted (a call's agent); the customer module resolves the name.</param>
/// <param name="Data">Kind-specific values for the UI, as strings (a call's direction, durationSeconds, status, recordingUrl).</param>
/// <param name="Link">Where the record opens, relative to the app.</param>
public sealed record CustomerTimelineItem(
    Guid Id, DateTime At, string Title, string? Detail, Guid? UserId, IReadOnlyDictionary<string, string>? Data, string? Link);

/// <summary>What other modules may ask of customers without knowing the customer module.</summary>
public interface ICustomerDirectory
{
    /// <summary>Names and owners of customers the caller may see; others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, CustomerSummary>> FindAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);
}

/// <param name="Email">The primary contact's e-mail, else the customer's first.</param>
/// <param name="Mobile">The primary contact's mobile, else the customer's first phone.</param>
public sealed record CustomerSummary(Guid Id, string Name, Guid? OwnerId, Guid? ServiceRepId, string? Email = null, string? Mobile = null);

/// <summary>
/// Caller identification (call center): which customers a phone number belongs to. Matching is by normalised
/// digits (spaces, dashes, +86/0086 ignored) against customers' phones and their contacts' mobiles and phones.
/// </summary>
public interface ICustomerPhoneLookup
{
    /// <summary>
    /// Active customers reached at <paramref name="number"/>, customer phones first. NOT limited to what the caller
    /// may see (a telephony system has no user): decide what to reveal with <see cref="GetCardAsync"/>.
    /// </summary>
    Task<IReadOnlyList<CustomerPhoneMatch>> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>A customer's card for a caller-id popup, or null when the current user may not open it.</summary>
    Task<CustomerCard?> GetCardAsync(Guid customerId, CancellationToken cancellationToken);
}

public sealed record CustomerPhoneMatch(Guid CustomerId, Guid? ContactId, string? ContactName);

public sealed record CustomerCard(Guid Id, string Name, Guid? OwnerId, string? LevelCode, DateTime? LastFollowUpAt);
