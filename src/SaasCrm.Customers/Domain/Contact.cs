using SaasCrm.Customers.Records;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

/// <summary>A person at a customer (C2); exactly one customer, one primary contact per customer.</summary>
public sealed class Contact : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string? Gender { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    /// <summary>As typed; <see cref="MobileDigits"/> follows it.</summary>
    public string? Mobile { get => _mobile; set { _mobile = value; MobileDigits = DigitsOf(value); } }
    /// <summary>As typed; <see cref="PhoneDigits"/> follows it.</summary>
    public string? Phone { get => _phone; set { _phone = value; PhoneDigits = DigitsOf(value); } }
    /// <summary>The mobile's digits normalised as customer phone keys are: what an incoming call or a portal sign-up is matched on (indexed).</summary>
    [NotLogged] public string? MobileDigits { get; private set; }
    [NotLogged] public string? PhoneDigits { get; private set; }
    public string? Email { get; set; }
    public string? WeChat { get; set; }
    public string? QQ { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Remark { get; set; }
    public bool IsPrimary { get; set; }
    [NotLogged] public Guid? ImportBatchId { get; set; }

    // EF reads and writes the fields directly, so loading a contact does not recompute its digits.
    private string? _mobile;
    private string? _phone;

    private static string? DigitsOf(string? number) => CustomerNormalizer.Phone(number) is { Length: > 0 } digits ? digits : null;
}
