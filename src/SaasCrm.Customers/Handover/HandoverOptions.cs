namespace SaasCrm.Customers.Handover;

/// <summary>Configuration section "Customers:Handover".</summary>
public sealed class HandoverOptions
{
    /// <summary>Customers moved per transaction: big enough to be set-based, small enough to keep locks short.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>Most customer ids one request may name.</summary>
    public int MaxCustomerIds { get; set; } = 10_000;
}
