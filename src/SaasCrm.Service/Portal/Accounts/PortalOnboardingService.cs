using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Accounts;

/// <summary>
/// The anonymous side, always inside the tenant the token or request names: accepting an invitation (sets the
/// password once) and self sign-up (an account that waits for staff to bind it to a customer).
/// </summary>
public sealed class PortalOnboardingService(PlatformDbContext db, UserManager<AppUser> users, IPortalCustomerLookup lookup, ICurrentTenant tenant, TimeProvider clock)
{
    /// <summary>One answer for every unusable token (unknown, used, superseded, expired), so tokens cannot be probed.</summary>
    public static BusinessException InvalidInvitation() =>
        new("portal.invalid_invitation", "The invitation link is invalid or has expired. Ask for a new invitation.", 400, "token");

    public async Task<AcceptInvitationResponse> AcceptAsync(AcceptInvitationRequest r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = PortalInvitationTokens.Hash(r.Token);
        var invitation = await db.Set<PortalInvitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.UsedAt is not null || invitation.RevokedAt is not null || invitation.ExpiresAt <= now) throw InvalidInvitation();
        var account = await db.Set<PortalAccount>().FirstOrDefaultAsync(a => a.Id == invitation.AccountId, ct);
        if (account is null || account.Status != PortalAccountStatus.Invited) throw InvalidInvitation();
        var user = await db.Users.FirstAsync(u => u.Id == account.UserId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Single use even when two accepts race: only the request that flips UsedAt from null goes on.
        var claimed = await db.Set<PortalInvitation>()
            .Where(i => i.TenantId == tenant.Id && i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed != 1) throw InvalidInvitation();
        foreach (var validator in users.PasswordValidators)
            (await validator.ValidateAsync(users, user, r.Password)).ThrowIfFailed("password");
        user.PasswordHash = users.PasswordHasher.HashPassword(user, r.Password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.IsActive = true;
        account.Status = PortalAccountStatus.Active;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AcceptInvitationResponse(tenant.Name ?? "", user.UserName ?? "");
    }

    public async Task<PortalSignUpResponse> SignUpAsync(PortalSignUpRequest r, CancellationToken ct)
    {
        var settings = await db.Set<PortalSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is not { AllowSelfSignUp: true })
            throw new BusinessException("portal.sign_up_disabled", "This organisation does not accept portal sign-ups. Ask them for an invitation.", 403);
        var received = new PortalSignUpResponse("received", "Thank you. We will check your details and let you know when your account is ready.");
        var email = r.Email.Trim();
        // Same answer whether or not the address is known: the sign-up page reveals no accounts or customers.
        if (await users.FindByNameAsync(email) is not null) return received;

        var user = new AppUser { UserName = email, Name = r.Name.Trim(), Email = email, PhoneNumber = r.Phone.Trim(), Kind = UserKind.Customer, IsActive = false, LockoutEnabled = true };
        var matches = await lookup.MatchAsync(email, r.Phone, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (await users.CreateAsync(user, r.Password)).ThrowIfFailed();
        db.Add(new PortalAccount
        {
            UserId = user.Id, Name = user.Name, Email = email, Mobile = user.PhoneNumber, Status = PortalAccountStatus.PendingApproval,
            SignUpCompany = r.Company.Trim(), SuggestedCustomerId = matches.Count == 1 ? matches[0] : null,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return received;
    }
}
