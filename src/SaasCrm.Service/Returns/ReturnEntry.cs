using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Returns;

/// <summary>
/// One of the retailer's return and compensation entries (V5). The kind decides which fields are required (see
/// <see cref="ReturnKindRules"/>); every kind is approved through the "return" workflow before it is carried out.
/// </summary>
public sealed class ReturnEntry : AuditedEntity
{
    public string Number { get; set; } = "";
    public ReturnKind Kind { get; set; }
    public ReturnStatus Status { get; set; } = ReturnStatus.Draft;
    public Guid? CustomerId { get; set; }
    public string? CustomerName { get; set; }
    public string? CustomerPhone { get; set; }
    /// <summary>VIP home refund: where logistics bring the refund.</summary>
    public string? Address { get; set; }
    /// <summary>The sales order (提单号) in the ERP.</summary>
    public string? OrderNumber { get; set; }
    public string? ProductCode { get; set; }
    public string? ProductName { get; set; }
    public string? ProductCategoryCode { get; set; }
    public string? BrandCode { get; set; }
    public int? Quantity { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>ISO 4217, CNY unless stated.</summary>
    public string CurrencyCode { get; set; } = ReturnCurrencies.Default;
    public DateTime? PurchaseDate { get; set; }
    public string? PickupMethodCode { get; set; }
    public string? ResultCode { get; set; }
    /// <summary>Return reason (return/exchange) or compensation reason (price protection), by kind.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>Quick return: what has to be agreed with the coordinating department.</summary>
    public string? CoordinationMatter { get; set; }
    public string? Remark { get; set; }
    /// <summary>The responsible (quick return: coordinating) department; its head or its parent's head approves.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Set by the approval workflow.</summary>
    public Guid? ApproverId { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum ReturnKind
{
    /// <summary>退换货录入: a return or exchange recorded from the ERP.</summary>
    ReturnExchange,
    /// <summary>快速退货: a customer needs the return handled quickly, coordinated with a department.</summary>
    QuickReturn,
    /// <summary>价格保障补差: price-protection compensation of a price difference.</summary>
    PriceProtection,
    /// <summary>VIP 上门退款: logistics bring the refund to the customer's home.</summary>
    VipHomeRefund,
}

public enum ReturnStatus { Draft, Submitted, Approved, Rejected, Completed }
