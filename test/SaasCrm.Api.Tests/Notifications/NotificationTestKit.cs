using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Notifications.Sms;

namespace SaasCrm.Api.Tests.Notifications;

/// <summary>A user with an email address and a phone number, so every channel can reach them.</summary>
public sealed record TestUser(Guid Id, string UserName, string Email, string Phone);

/// <summary>Helpers shared by the notification and reminder tests.</summary>
public static class NotificationTestKit
{
    public static async Task<TestUser> CreateUserAsync(TenantScenario tenant, string prefix, string role, params Guid[] departmentIds)
    {
        var userName = $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";
        var phone = "138" + Random.Shared.Next(10_000_000, 99_999_999);
        var body = await tenant.Admin.PostOk("/api/identity/users", new
        {
            userName,
            name = userName,
            email = $"{userName}@example.com",
            phoneNumber = phone,
            password = CrmApiFactory.Password,
            roleIds = new[] { await tenant.RoleIdAsync(role) },
            departmentIds,
        }, HttpStatusCode.Created);
        return new TestUser(body["id"]!.GetValue<Guid>(), userName, $"{userName}@example.com", phone);
    }

    /// <summary>Sends as a module would: inside the tenant, in a unit of work that then commits.</summary>
    public static async Task SendAsync(ApiFixture api, Guid tenantId, NotificationMessage message)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        await scope.Services.GetRequiredService<INotificationSender>().SendAsync(message);
        await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
    }

    public static async Task<List<Notification>> NotificationsAsync(ApiFixture api, Guid tenantId, Guid userId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId).ToListAsync();
    }

    public static async Task<List<SmsMessage>> SmsAsync(ApiFixture api, Guid tenantId, Guid userId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<SmsMessage>().AsNoTracking()
            .Where(m => m.UserId == userId).ToListAsync();
    }

    /// <summary>The sink stores a mail before it answers DATA, so once the sending job has finished the mail is here.</summary>
    public static IReadOnlyList<ReceivedMail> MailsTo(ApiFixture api, TestUser user) => api.Factory.Smtp.To(user.Email);
}
