using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Records;

internal sealed class CustomerRecordsFeature : CustomersFeature
{
    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers");
        customers.MapGet("/", (HttpRequest http, [AsParameters] CustomerListParameters p, CustomerListQuery list, CancellationToken ct) =>
                list.ListAsync(p.ToFilter(), http, p.Sort, p.Cursor, p.PageSize, p.Offset, ct))
            .RequirePermission(CustomerPermissions.Default);

        customers.MapGet("/duplicates", (string? name, string[]? phone, string[]? email, Guid? excludeId, DuplicateFinder finder, CancellationToken ct) =>
                finder.FindAsync(name, phone, email, excludeId, ct))
            .RequirePermission(CustomerPermissions.Default);

        customers.MapGet("/{id:guid}", async (Guid id, CustomerAccess access, CustomerReader reader, CancellationToken ct) =>
                await reader.ToDtoAsync(await access.GetVisibleAsync(id, ct), ct))
            .RequirePermission(CustomerPermissions.Default);

        customers.MapPost("/", async (CreateCustomerRequest request, CustomerService service, CustomerReader reader, CancellationToken ct) =>
            {
                var customer = await service.CreateAsync(request, ct);
                return Results.Created($"/api/customers/{customer.Id}", await reader.ToDtoAsync(customer, ct));
            })
            .Validate<CreateCustomerRequest>().Produces<CustomerDto>(StatusCodes.Status201Created).RequirePermission(CustomerPermissions.Create);

        customers.MapPut("/{id:guid}", async (Guid id, UpdateCustomerRequest request, CustomerService service, CustomerReader reader, CancellationToken ct) =>
                await reader.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct))
            .Validate<UpdateCustomerRequest>().RequirePermission(CustomerPermissions.Edit);

        customers.MapDelete("/{id:guid}", async (Guid id, CustomerService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).RequirePermission(CustomerPermissions.Delete);

        customers.MapPost("/{id:guid}/assign", async (Guid id, AssignOwnerRequest request, CustomerService service, CustomerReader reader, CancellationToken ct) =>
                await reader.ToDtoAsync(await service.AssignAsync(id, request, ct), ct))
            .RequirePermission(CustomerPermissions.Assign);

        customers.MapPut("/{id:guid}/service-rep", async (Guid id, SetServiceRepRequest request, CustomerService service, CustomerReader reader, CancellationToken ct) =>
                await reader.ToDtoAsync(await service.SetServiceRepAsync(id, request, ct), ct))
            .RequirePermission(CustomerPermissions.Assign);

        customers.MapPost("/bulk/assign", (BulkAssignRequest request, CustomerService service, CancellationToken ct) => service.BulkAssignAsync(request, ct))
            .Validate<BulkAssignRequest>().RequirePermission(CustomerPermissions.Assign);

        customers.MapPost("/bulk/tags", (BulkTagRequest request, CustomerService service, CancellationToken ct) => service.BulkTagAsync(request, ct))
            .Validate<BulkTagRequest>().RequirePermission(CustomerPermissions.Edit);
    }
}

/// <summary>Query-string shape of the list; custom-field filters (cf.budget=gte:1000) are read from the raw query.</summary>
internal sealed record CustomerListParameters(
    string? Scope, string? Name, Guid? OwnerId, Guid? DepartmentId, string[]? Level, string[]? Source, string[]? Industry, string[]? Tag,
    DateTime? LastFollowUpBefore, DateTime? LastFollowUpAfter, DateTime? NextFollowUpBefore, bool? InPool, bool? Locked,
    string? Sort, string? Cursor, int? PageSize, int? Offset)
{
    public CustomerListFilter ToFilter() => new()
    {
        Scope = Scope, Name = Name, OwnerId = OwnerId, DepartmentId = DepartmentId, Level = Level, Source = Source, Industry = Industry, Tag = Tag,
        LastFollowUpBefore = LastFollowUpBefore, LastFollowUpAfter = LastFollowUpAfter, NextFollowUpBefore = NextFollowUpBefore, InPool = InPool, Locked = Locked,
    };
}
