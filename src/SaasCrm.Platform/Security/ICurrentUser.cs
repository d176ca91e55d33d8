using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Security;

/// <summary>Who is acting: the signed-in user of a request, or whoever a job or handler runs as.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? Id { get; }
    string? UserName { get; }
    Guid? TenantId { get; }
    ClaimsPrincipal? Principal { get; }
    /// <summary>Staff, or a portal account's kind (from the token).</summary>
    Identity.UserKind Kind => Principal.GetUserKind();

    /// <summary>Acts as <paramref name="principal"/> (e.g. the user who queued a job) until disposed.</summary>
    IDisposable Change(ClaimsPrincipal? principal);
}

public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private static readonly AsyncLocal<Holder?> Override = new();

    public ClaimsPrincipal? Principal => Override.Value is { } o ? o.Principal : httpContextAccessor.HttpContext?.User;
    public bool IsAuthenticated => Id.HasValue;
    public Guid? Id => ParseGuid(PlatformClaims.UserId);
    public string? UserName => Principal?.FindFirst(PlatformClaims.UserName)?.Value;
    public Guid? TenantId => ParseGuid(PlatformClaims.TenantId);

    public IDisposable Change(ClaimsPrincipal? principal)
    {
        var previous = Override.Value;
        Override.Value = new Holder(principal);
        return new RestoreScope(() => Override.Value = previous);
    }

    private Guid? ParseGuid(string claim) =>
        Guid.TryParse(Principal?.FindFirst(claim)?.Value, out var id) ? id : null;

    private sealed record Holder(ClaimsPrincipal? Principal);
}
