using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

/// <summary>The tenant's customer settings; defaults until an admin saves them.</summary>
public sealed class CustomerSettingsStore(PlatformDbContext db)
{
    public async Task<CustomerSettings> GetAsync(CancellationToken ct, bool tracking = false) =>
        await (tracking ? db.Set<CustomerSettings>() : db.Set<CustomerSettings>().AsNoTracking()).FirstOrDefaultAsync(ct) ?? new CustomerSettings();
}
