using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers;

public sealed record CustomerSettingsDto(int UnmergeDays, int CheckInMaxDistanceMeters, string? ConcurrencyStamp);

internal sealed class CustomerSettingsDtoValidator : AbstractValidator<CustomerSettingsDto>
{
    public CustomerSettingsDtoValidator()
    {
        RuleFor(x => x.UnmergeDays).InclusiveBetween(0, 3650);
        RuleFor(x => x.CheckInMaxDistanceMeters).InclusiveBetween(10, 1_000_000);
    }
}

internal sealed class SettingsFeature : CustomersFeature
{
    public override void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapGet("/customer-settings", async (CustomerSettingsStore store, CancellationToken ct) => ToDto(await store.GetAsync(ct)))
            .RequirePermission(CustomerPermissions.Default);
        api.MapPut("/customer-settings", async (CustomerSettingsDto request, CustomerSettingsStore store, PlatformDbContext db, CancellationToken ct) =>
        {
            var settings = await store.GetAsync(ct, tracking: true);
            if (db.Entry(settings).State == Microsoft.EntityFrameworkCore.EntityState.Detached) db.Add(settings);
            else db.Entry(settings).Property(s => s.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
            settings.UnmergeDays = request.UnmergeDays;
            settings.CheckInMaxDistanceMeters = request.CheckInMaxDistanceMeters;
            await db.SaveChangesAsync(ct);
            return ToDto(settings);
        }).Validate<CustomerSettingsDto>().RequirePermission(CustomerPermissions.Settings);
    }

    private static CustomerSettingsDto ToDto(CustomerSettings s) => new(s.UnmergeDays, s.CheckInMaxDistanceMeters, s.ConcurrencyStamp);
}
