using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Views;

/// <summary>A user's named list view: the list's query string and chosen columns; one may be the default.</summary>
public sealed class SavedView : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    public string RecordType { get; set; } = "";
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public List<string> Columns { get; set; } = [];
    public bool IsDefault { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public sealed record SavedViewDto(Guid Id, string RecordType, string Name, string Query, IReadOnlyList<string> Columns, bool IsDefault, string ConcurrencyStamp);
public sealed record SaveViewRequest(string RecordType, string Name, string Query, List<string>? Columns, bool IsDefault, string? ConcurrencyStamp = null);

internal sealed class SaveViewRequestValidator : AbstractValidator<SaveViewRequest>
{
    public SaveViewRequestValidator()
    {
        RuleFor(x => x.RecordType).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Query).MaximumLength(2000);
        RuleFor(x => x.Columns).Must(c => c is null || c.Count <= 50);
    }
}

/// <summary>Saved list views per user (C1); each user sees and changes only their own.</summary>
internal sealed class SavedViewsFeature : CustomersFeature
{
    public override void ConfigureModel(ModelBuilder builder) =>
        builder.Entity<SavedView>(b =>
        {
            b.ToTable("SavedViews");
            b.Property(x => x.RecordType).HasMaxLength(64).IsRequired();
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Query).HasMaxLength(2000).IsRequired();
            b.Property(x => x.Columns).HasConversion(
                    v => string.Join(',', v),
                    v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
                .HasMaxLength(2000);
            b.HasIndex(x => new { x.TenantId, x.UserId, x.RecordType });
        });

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var views = api.MapGroup("/saved-views").WithTags("Saved views");
        views.MapGet("/", async (string recordType, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
            (await db.Set<SavedView>().AsNoTracking().Where(v => v.UserId == user.Id && v.RecordType == recordType).OrderBy(v => v.Name).ToListAsync(ct))
            .Select(ToDto).ToList()).RequirePermission(CustomerPermissions.Default);

        views.MapPost("/", async (SaveViewRequest request, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var view = new SavedView { UserId = user.Id!.Value };
            await ApplyAsync(db, view, request, ct);
            db.Add(view);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/saved-views/{view.Id}", ToDto(view));
        }).Validate<SaveViewRequest>().Produces<SavedViewDto>(StatusCodes.Status201Created).RequirePermission(CustomerPermissions.Default);

        views.MapPut("/{id:guid}", async (Guid id, SaveViewRequest request, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var view = await db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id && v.UserId == user.Id, ct) ?? throw new EntityNotFoundException("SavedView", id);
            db.Entry(view).Property(v => v.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
            await ApplyAsync(db, view, request, ct);
            await db.SaveChangesAsync(ct);
            return ToDto(view);
        }).Validate<SaveViewRequest>().RequirePermission(CustomerPermissions.Default);

        views.MapDelete("/{id:guid}", async (Guid id, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var view = await db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id && v.UserId == user.Id, ct) ?? throw new EntityNotFoundException("SavedView", id);
            db.Remove(view);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent).RequirePermission(CustomerPermissions.Default);
    }

    private static async Task ApplyAsync(PlatformDbContext db, SavedView view, SaveViewRequest request, CancellationToken ct)
    {
        view.RecordType = request.RecordType;
        view.Name = request.Name.Trim();
        view.Query = request.Query.TrimStart('?');
        view.Columns = request.Columns ?? [];
        if (request.IsDefault && !view.IsDefault)
        {
            // One default per user and record type.
            foreach (var other in await db.Set<SavedView>().Where(v => v.UserId == view.UserId && v.RecordType == request.RecordType && v.IsDefault).ToListAsync(ct))
                other.IsDefault = false;
        }
        view.IsDefault = request.IsDefault;
    }

    private static SavedViewDto ToDto(SavedView v) => new(v.Id, v.RecordType, v.Name, v.Query, v.Columns, v.IsDefault, v.ConcurrencyStamp);
}
