using Microsoft.AspNetCore.Http;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Auditing;

/// <summary>Writes a security log entry (sign-ins, grants) in the current tenant.</summary>
public sealed class SecurityLogWriter(PlatformDbContext db, IHttpContextAccessor http, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>
    /// Adds the entry to the unit of work; the caller's SaveChanges stores it with the change it describes.
    /// Without a subject user the entry names the acting user (e.g. who changed a role's permissions).
    /// </summary>
    public void Add(string action, Guid? userId, string? userName, string? detail) =>
        db.SecurityLogs.Add(new SecurityLog
        {
            Action = action,
            UserId = userId ?? currentUser.Id,
            UserName = userName ?? (userId is null ? currentUser.UserName : null),
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            ClientIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>Adds and saves at once (sign-in outcomes, which have no other change to ride with).</summary>
    public async Task WriteAsync(string action, Guid? userId, string? userName, string? detail, CancellationToken cancellationToken)
    {
        Add(action, userId, userName, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
