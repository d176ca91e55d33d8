using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Merge;

/// <summary>A customer's own fields at one moment, kept as JSON on a merge so an unmerge can put them back.</summary>
public sealed record CustomerState
{
    public CustomerKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? Code { get; init; }
    public string? LevelCode { get; init; }
    public string? SourceCode { get; init; }
    public string? IndustryCode { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public List<string> Phones { get; init; } = [];
    public List<string> Emails { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public string? Website { get; init; }
    public string? Remark { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid? ServiceRepId { get; init; }
    public bool IsLocked { get; init; }
    public DateTime? LastFollowUpAt { get; init; }
    public DateTime? NextFollowUpAt { get; init; }
    public DateTime? LastDealAt { get; init; }
    public CustomerStatus Status { get; init; }
    public Guid? MergedIntoId { get; init; }

    public static CustomerState From(Customer c) => new()
    {
        Kind = c.Kind, Name = c.Name, Code = c.Code, LevelCode = c.LevelCode, SourceCode = c.SourceCode, IndustryCode = c.IndustryCode,
        Province = c.Province, City = c.City, District = c.District, Address = c.Address, Latitude = c.Latitude, Longitude = c.Longitude,
        Phones = [.. c.Phones], Emails = [.. c.Emails], Tags = [.. c.Tags], Website = c.Website, Remark = c.Remark,
        OwnerId = c.OwnerId, ServiceRepId = c.ServiceRepId, IsLocked = c.IsLocked,
        LastFollowUpAt = c.LastFollowUpAt, NextFollowUpAt = c.NextFollowUpAt, LastDealAt = c.LastDealAt,
        Status = c.Status, MergedIntoId = c.MergedIntoId,
    };

    /// <summary>A detached customer carrying these values, to read and copy them with <see cref="MergeFields"/>.</summary>
    public Customer ToCustomer() => new()
    {
        Kind = Kind, Name = Name, Code = Code, LevelCode = LevelCode, SourceCode = SourceCode, IndustryCode = IndustryCode,
        Province = Province, City = City, District = District, Address = Address, Latitude = Latitude, Longitude = Longitude,
        Phones = [.. Phones], Emails = [.. Emails], Tags = [.. Tags], Website = Website, Remark = Remark,
        OwnerId = OwnerId, ServiceRepId = ServiceRepId, IsLocked = IsLocked,
        LastFollowUpAt = LastFollowUpAt, NextFollowUpAt = NextFollowUpAt, LastDealAt = LastDealAt,
        Status = Status, MergedIntoId = MergedIntoId,
    };

    public static string Serialize(Customer c) => System.Text.Json.JsonSerializer.Serialize(From(c));
    public static CustomerState Parse(string json) => System.Text.Json.JsonSerializer.Deserialize<CustomerState>(json) ?? new CustomerState();
}
