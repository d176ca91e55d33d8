using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Notifications.Contacts;
using SaasCrm.Platform.Notifications.Email;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Accounts;

/// <summary>Staff side of customer portal accounts: invite a contact, approve a sign-up, disable, enable, settings.</summary>
public sealed class PortalAccountAdminService(
    PlatformDbContext db,
    UserManager<AppUser> users,
    IPortalCustomerLookup lookup,
    ICustomerDirectory directory,
    IContactMessageSender messages,
    SessionValidator sessions,
    ICurrentTenant tenant,
    IOptionsMonitor<SmtpOptions> smtp,
    TimeProvider clock)
{
    /// <summary>Accounts of customers the caller may see (plus sign-ups waiting for a customer), newest first, at most 500.</summary>
    public async Task<IReadOnlyList<PortalAccountDto>> ListAsync(PortalAccountStatus? status, Guid? customerId, CancellationToken ct)
    {
        var query = db.Set<PortalAccount>().AsNoTracking();
        if (status is { } s) query = query.Where(a => a.Status == s);
        if (customerId is { } c) query = query.Where(a => a.CustomerId == c);
        var rows = await query.OrderByDescending(a => a.CreatedAt).Take(500).ToListAsync(ct);
        var visible = await directory.FindAsync(rows.Where(a => a.CustomerId != null).Select(a => a.CustomerId!.Value).ToList(), ct);
        rows = rows.Where(a => a.CustomerId is null || visible.ContainsKey(a.CustomerId.Value)).ToList();
        return await ToDtosAsync(rows, ct);
    }

    public async Task<PortalInvitationDto> InviteAsync(InvitePortalAccountRequest r, CancellationToken ct)
    {
        var contact = await lookup.FindVisibleContactAsync(r.CustomerId, r.ContactId, ct)
            ?? throw RequestValidationException.For("contactId", "portal.contact_not_found", "The contact does not exist or its customer is not visible to you.");
        if (string.IsNullOrWhiteSpace(contact.Email))
            throw RequestValidationException.For("contactId", "portal.contact_without_email", "The contact has no e-mail address to send the invitation to.");
        var account = await db.Set<PortalAccount>().FirstOrDefaultAsync(a => a.CustomerId == r.CustomerId && a.ContactId == r.ContactId, ct);
        if (account is { Status: PortalAccountStatus.Active })
            throw new BusinessException("portal.already_active", "This contact already has an active portal account.", 409);
        if (account is { Status: PortalAccountStatus.Disabled })
            throw new BusinessException("portal.account_disabled", "This contact's portal account is disabled; enable it instead.", 409);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (account is null)
        {
            var user = new AppUser
            {
                UserName = string.IsNullOrWhiteSpace(r.UserName) ? contact.Email.Trim() : r.UserName.Trim(),
                Name = contact.Name, Email = contact.Email.Trim(), PhoneNumber = contact.Mobile,
                Kind = UserKind.Customer, IsActive = false, LockoutEnabled = true,
            };
            (await users.CreateAsync(user)).ThrowIfFailed();
            account = new PortalAccount
            {
                UserId = user.Id, CustomerId = contact.CustomerId, ContactId = contact.ContactId, Name = contact.Name,
                Email = contact.Email.Trim(), Mobile = contact.Mobile, Status = PortalAccountStatus.Invited,
            };
            db.Add(account);
        }
        var (token, expires) = await NewInvitationAsync(account, ct);
        var url = AcceptUrl(token);
        await messages.SendAsync(new ContactMessage(contact.Name, account.Email, null,
            $"Your service portal invitation / 服务门户邀请 — {contact.CustomerName}",
            $"Set your password and sign in to the service portal (valid until {expires:yyyy-MM-dd HH:mm} UTC):\n{url}\n\n请在有效期内点击链接设置密码并登录服务门户：\n{url}",
            NotificationChannels.Email, $"portal-invite:{account.Id:N}:{expires.Ticks}"), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PortalInvitationDto((await ToDtosAsync([account], ct))[0], url, expires, true);
    }

    public async Task<PortalAccountDto> ApproveAsync(Guid id, ApprovePortalAccountRequest r, CancellationToken ct)
    {
        var account = await FindAsync(id, ct);
        if (account.Status != PortalAccountStatus.PendingApproval)
            throw new BusinessException("portal.not_pending", "Only a sign-up waiting for approval can be approved.", 409);
        if ((await directory.FindAsync([r.CustomerId], ct)).Count == 0)
            throw RequestValidationException.For("customerId", "customer.not_found", "The customer does not exist or is not visible to you.");
        if (r.ContactId is { } contactId && await lookup.FindVisibleContactAsync(r.CustomerId, contactId, ct) is null)
            throw RequestValidationException.For("contactId", "portal.contact_not_found", "The contact does not belong to the customer.");
        var user = await db.Users.FirstAsync(u => u.Id == account.UserId, ct);
        account.CustomerId = r.CustomerId;
        account.ContactId = r.ContactId;
        account.Status = PortalAccountStatus.Active;
        user.IsActive = true;
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([account], ct))[0];
    }

    public async Task<PortalAccountDto> SetEnabledAsync(Guid id, bool enabled, CancellationToken ct)
    {
        var account = await FindAsync(id, ct);
        var user = await db.Users.FirstAsync(u => u.Id == account.UserId, ct);
        if (enabled)
        {
            if (account.Status != PortalAccountStatus.Disabled) return (await ToDtosAsync([account], ct))[0];
            // An account disabled before it was ever accepted goes back to waiting for its invitation.
            account.Status = user.PasswordHash is null ? PortalAccountStatus.Invited : PortalAccountStatus.Active;
            user.IsActive = user.PasswordHash is not null;
        }
        else
        {
            account.Status = PortalAccountStatus.Disabled;
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N"); // outstanding access tokens stop working
            await TokenService.RevokeAllAsync(db, clock, user.Id, "disabled", ct);
            await RevokeInvitationsAsync(account.Id, ct);
        }
        await db.SaveChangesAsync(ct);
        sessions.Invalidate(user.Id);
        return (await ToDtosAsync([account], ct))[0];
    }

    public async Task<PortalSettingsDto> GetSettingsAsync(CancellationToken ct)
    {
        var s = await db.Set<PortalSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new PortalSettings();
        return new PortalSettingsDto(s.AllowSelfSignUp, s.ConcurrencyStamp);
    }

    public async Task<PortalSettingsDto> UpdateSettingsAsync(UpdatePortalSettingsRequest r, CancellationToken ct)
    {
        var s = await db.Set<PortalSettings>().FirstOrDefaultAsync(ct);
        if (s is null) db.Add(s = new PortalSettings());
        else if (r.ConcurrencyStamp is not null) db.Entry(s).Property(x => x.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        s.AllowSelfSignUp = r.AllowSelfSignUp;
        s.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return new PortalSettingsDto(s.AllowSelfSignUp, s.ConcurrencyStamp);
    }

    private async Task<(string Token, DateTime Expires)> NewInvitationAsync(PortalAccount account, CancellationToken ct)
    {
        await RevokeInvitationsAsync(account.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = PortalInvitationTokens.New(tenant.Id ?? throw new InvalidOperationException("Invitations belong to a tenant."));
        var expires = now + PortalInvitationTokens.Lifetime;
        db.Add(new PortalInvitation { AccountId = account.Id, TokenHash = PortalInvitationTokens.Hash(token), CreatedAt = now, ExpiresAt = expires });
        account.LastInvitedAt = now;
        return (token, expires);
    }

    /// <summary>A new invitation supersedes the earlier ones: only the latest link works.</summary>
    private async Task RevokeInvitationsAsync(Guid accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.Set<PortalInvitation>().Where(i => i.AccountId == accountId && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct))
            old.RevokedAt = now;
    }

    private string AcceptUrl(string token) =>
        $"{smtp.CurrentValue.AppBaseUrl?.TrimEnd('/')}/portal/accept?token={Uri.EscapeDataString(token)}";

    /// <summary>An account of a customer the caller may see (or a pending sign-up); anything else is 404.</summary>
    private async Task<PortalAccount> FindAsync(Guid id, CancellationToken ct)
    {
        var account = await db.Set<PortalAccount>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("PortalAccount", id);
        if (account.CustomerId is { } c && (await directory.FindAsync([c], ct)).Count == 0) throw new EntityNotFoundException("PortalAccount", id);
        return account;
    }

    private async Task<List<PortalAccountDto>> ToDtosAsync(IReadOnlyList<PortalAccount> rows, CancellationToken ct)
    {
        var customerIds = rows.SelectMany(a => new[] { a.CustomerId, a.SuggestedCustomerId }).OfType<Guid>().ToList();
        var names = await directory.FindAsync(customerIds, ct);
        var userIds = rows.Select(a => a.UserId).ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        return rows.Select(a => new PortalAccountDto(a.Id, a.UserId, userNames.GetValueOrDefault(a.UserId, ""), a.Name, a.Email, a.Mobile, a.Status,
            a.CustomerId, a.CustomerId is { } c ? names.GetValueOrDefault(c)?.Name : null, a.ContactId, a.SignUpCompany,
            a.SuggestedCustomerId, a.SuggestedCustomerId is { } s ? names.GetValueOrDefault(s)?.Name : null, a.LastInvitedAt, a.CreatedAt)).ToList();
    }
}
