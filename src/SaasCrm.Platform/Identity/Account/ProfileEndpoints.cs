using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Identity.Account;

public sealed record ProfileDto(Guid UserId, string UserName, string Name, string? Email, Guid? TenantId, string? TenantName, string? TenantDisplayName, string? Language);
public sealed record PreferencesRequest(string? Language);

public sealed class PreferencesRequestValidator : AbstractValidator<PreferencesRequest>
{
    public static readonly string[] Languages = ["zh-CN", "en-US"];

    public PreferencesRequestValidator() =>
        RuleFor(x => x.Language).Must(l => l is null || Languages.Contains(l)).WithErrorCode("profile.unknown_language")
            .WithMessage("Choose zh-CN or en-US.");
}

/// <summary>The signed-in user's own profile and UI preferences (language remembered per user).</summary>
public static class ProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account/me").WithTags("Account").RequireAuthorization().AllowAnyUserKind();
        group.MapGet("/", GetAsync);
        group.MapPut("/preferences", async (PreferencesRequest request, PlatformDbContext db, ICurrentUser me, ITenantStore tenants, ICurrentTenant tenant, CancellationToken ct) =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id, ct) ?? throw new EntityNotFoundException("User");
            user.Language = request.Language;
            await db.SaveChangesAsync(ct);
            return await GetAsync(db, me, tenants, tenant, ct);
        }).Validate<PreferencesRequest>();
    }

    private static async Task<ProfileDto> GetAsync(PlatformDbContext db, ICurrentUser me, ITenantStore tenants, ICurrentTenant tenant, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.Id, ct) ?? throw new EntityNotFoundException("User");
        var info = tenant.Id is { } id ? tenants.Find(id) : null;
        return new ProfileDto(user.Id, user.UserName!, user.Name, user.Email, info?.Id, info?.Name, info?.DisplayName, user.Language);
    }
}
