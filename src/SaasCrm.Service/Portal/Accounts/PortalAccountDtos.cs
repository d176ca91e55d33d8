using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Accounts;

public sealed record PortalAccountDto(
    Guid Id, Guid UserId, string UserName, string Name, string? Email, string? Mobile, PortalAccountStatus Status,
    Guid? CustomerId, string? CustomerName, Guid? ContactId, string? SignUpCompany, Guid? SuggestedCustomerId, string? SuggestedCustomerName,
    DateTime? LastInvitedAt, DateTime CreatedAt);

/// <param name="UserName">Sign-in name; the contact's e-mail when left out.</param>
public sealed record InvitePortalAccountRequest(Guid CustomerId, Guid ContactId, string? UserName = null);

/// <param name="AcceptUrl">The one-time link (also e-mailed), for staff who hand it over another way.</param>
public sealed record PortalInvitationDto(PortalAccountDto Account, string AcceptUrl, DateTime ExpiresAt, bool Emailed);

public sealed record ApprovePortalAccountRequest(Guid CustomerId, Guid? ContactId = null);

public sealed record PortalSettingsDto(bool AllowSelfSignUp, string ConcurrencyStamp);

public sealed record UpdatePortalSettingsRequest(bool AllowSelfSignUp, string? ConcurrencyStamp);

public sealed record AcceptInvitationRequest(string Token, string Password);

public sealed record AcceptInvitationResponse(string Tenant, string UserName);

public sealed record PortalSignUpRequest(string Tenant, string Name, string Email, string Phone, string Company, string Password);

public sealed record PortalSignUpResponse(string Status, string Message);
