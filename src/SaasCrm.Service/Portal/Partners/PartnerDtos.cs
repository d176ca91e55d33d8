using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Partners;

public sealed record PartnerDto(Guid Id, string Name, PartnerType Type, string? ContactName, string? Phone, string? Email, bool IsActive,
    IReadOnlyList<string> Modules, int UserCount, int CustomerCount, string ConcurrencyStamp, DateTime CreatedAt);

/// <param name="Modules">Granted module codes: "tickets", "knowledge" ("leads" is refused until the sales module exists).</param>
public sealed record SavePartnerRequest(string Name, PartnerType Type, IReadOnlyList<string> Modules, string? ContactName = null, string? Phone = null,
    string? Email = null, bool IsActive = true, string? ConcurrencyStamp = null);

public sealed record PartnerModuleDto(string Code, string LabelEn, string LabelZh, bool Available);

public sealed record PartnerUserDto(Guid Id, Guid UserId, string UserName, string Name, string? Email, bool IsActive);

public sealed record CreatePartnerUserRequest(string UserName, string Name, string Password, string? Email = null, string? Phone = null);

public sealed record PartnerCustomerDto(Guid CustomerId, string? CustomerName);

public sealed record SetPartnerCustomersRequest(IReadOnlyList<Guid> CustomerIds);

public sealed record PartnerCustomerListItemDto(Guid Id, string Name, int OpenTickets);
