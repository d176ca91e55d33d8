using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

/// <summary>A contact with a customer (C3), optionally with a visit check-in (C10).</summary>
public sealed class FollowUp : AuditedEntity, IHasOwner
{
    public Guid CustomerId { get; set; }
    public Guid? ContactId { get; set; }
    /// <summary>Who followed up.</summary>
    public Guid OwnerId { get; set; }
    /// <summary>Dictionary "contact-method" (phone, WeChat, visit ...).</summary>
    public string MethodCode { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Result { get; set; }
    public DateTime At { get; set; }
    public CheckIn? CheckIn { get; set; }
}

/// <summary>Where a rep was when checking in at a visit, and how far that is from the customer's address.</summary>
public sealed class CheckIn
{
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? AccuracyMeters { get; set; }
    public string? Address { get; set; }
    public DateTime At { get; set; }
    public string? PhotoNote { get; set; }
    /// <summary>Distance to the customer's coordinates when both are known.</summary>
    public double? DistanceMeters { get; set; }
    /// <summary>Farther from the customer than the tenant allows.</summary>
    public bool IsFar { get; set; }
}
