using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Identity;

namespace SaasCrm.Workflows.Activities;

/// <summary>Resolves recipients (assignee, departmentHead, user:&lt;id&gt;, role:&lt;name&gt;) to the tenant's users.</summary>
public sealed class Recipients(PlatformDbContext db, UserManager<AppUser> users)
{
    public static bool IsValid(string recipient) =>
        recipient is "assignee" or "departmentHead" or "customer"
        || recipient.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(recipient[5..], out _)
        || recipient.StartsWith("role:", StringComparison.Ordinal) && recipient.Length > 5;

    public async Task<List<Guid>> UsersAsync(IEnumerable<string> recipients, ActivityContext context, CancellationToken ct)
    {
        var result = new List<Guid>();
        foreach (var recipient in recipients)
        {
            if (recipient == "assignee" && context.Record?.AssigneeId is { } assignee) result.Add(assignee);
            else if (recipient == "departmentHead" && context.Record?.DepartmentId is { } dept
                     && await db.Departments.Where(d => d.Id == dept).Select(d => d.HeadUserId).FirstOrDefaultAsync(ct) is { } head) result.Add(head);
            else if (recipient.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(recipient[5..], out var id)
                     && await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct)) result.Add(id);
            else if (recipient.StartsWith("role:", StringComparison.Ordinal))
                result.AddRange((await users.GetUsersInRoleAsync(recipient[5..])).Where(u => u.IsActive).Select(u => u.Id));
        }
        return result.Distinct().ToList();
    }
}
