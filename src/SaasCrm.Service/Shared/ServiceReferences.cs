using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;

namespace SaasCrm.Service.Shared;

/// <summary>Checks of the records a ticket or complaint points at, as 400s naming the field.</summary>
public sealed class ServiceReferences(PlatformDbContext db, ICustomerDirectory customers)
{
    /// <summary>The customer must exist and be visible to the caller (the customer module decides).</summary>
    public async Task<CustomerSummary> EnsureCustomerVisibleAsync(Guid customerId, CancellationToken ct) =>
        (await customers.FindAsync([customerId], ct)).GetValueOrDefault(customerId)
        ?? throw RequestValidationException.For("customerId", "customer.not_found", "The customer does not exist or is not visible to you.");

    public async Task EnsureDepartmentAsync(Guid? departmentId, string field, CancellationToken ct)
    {
        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id, ct))
            throw RequestValidationException.For(field, "department.not_found", "The department does not exist.");
    }

    public async Task EnsureUserAsync(Guid userId, string field, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
            throw RequestValidationException.For(field, "user.not_found", "The user does not exist or is disabled.");
    }
}

/// <summary>Readable record numbers: prefix, creation day and the random tail of the time-ordered id ("T-20250101-3F9A1C").</summary>
public static class ServiceNumbers
{
    public static string Next(string prefix, Guid id, DateTime now) => $"{prefix}-{now:yyyyMMdd}-{id.ToString("N")[^6..].ToUpperInvariant()}";
}
