using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Calendars;

public sealed record CalendarRequest(string Name, string TimeZone, bool IsDefault, Dictionary<string, List<string>> WeeklyHours,
    List<string>? Holidays, List<string>? WorkingDays, List<Guid>? DepartmentIds, string? ConcurrencyStamp);

public sealed record CalendarDto(Guid Id, string Name, string TimeZone, bool IsDefault, Dictionary<string, List<string>> WeeklyHours,
    List<string> Holidays, List<string> WorkingDays, List<Guid> DepartmentIds, string ConcurrencyStamp);

internal static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder wf)
    {
        var calendars = wf.MapGroup("/calendars");
        calendars.MapGet("/", async (PlatformDbContext db, CancellationToken ct) =>
                (await db.Set<BusinessCalendar>().AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name).ToListAsync(ct)).Select(ToDto).ToList())
            .Produces<List<CalendarDto>>().RequirePermission(WorkflowPermissions.Calendars);
        calendars.MapPost("/", async (CalendarRequest request, PlatformDbContext db, CancellationToken ct) =>
            {
                var calendar = new BusinessCalendar();
                await ApplyAsync(calendar, request, db, ct);
                db.Add(calendar);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/api/workflows/calendars/{calendar.Id}", ToDto(calendar));
            })
            .Produces<CalendarDto>(StatusCodes.Status201Created).ProducesValidationProblem().RequirePermission(WorkflowPermissions.Calendars);
        calendars.MapPut("/{id:guid}", async (Guid id, CalendarRequest request, PlatformDbContext db, CancellationToken ct) =>
            {
                var calendar = await db.Set<BusinessCalendar>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("BusinessCalendar", id);
                if (request.ConcurrencyStamp is not null) db.Entry(calendar).Property(c => c.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
                await ApplyAsync(calendar, request, db, ct);
                calendar.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                await db.SaveChangesAsync(ct);
                return ToDto(calendar);
            })
            .Produces<CalendarDto>().ProducesValidationProblem().RequirePermission(WorkflowPermissions.Calendars);
        calendars.MapDelete("/{id:guid}", async (Guid id, PlatformDbContext db, CancellationToken ct) =>
            {
                var calendar = await db.Set<BusinessCalendar>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("BusinessCalendar", id);
                if (calendar.IsDefault) throw new BusinessException("workflow.calendar_default", "The default calendar cannot be deleted; make another one the default first.", 409);
                db.Remove(calendar);
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .RequirePermission(WorkflowPermissions.Calendars);
    }

    private static async Task ApplyAsync(BusinessCalendar calendar, CalendarRequest request, PlatformDbContext db, CancellationToken ct)
    {
        if (!WorkingCalendarRules.IsValidZone(request.TimeZone))
            throw RequestValidationException.For("timeZone", "workflow.bad_time_zone", $"'{request.TimeZone}' is not an IANA time zone (e.g. Asia/Shanghai).");
        try
        {
            _ = new WorkingCalendarRules(request.TimeZone, request.WeeklyHours, request.Holidays ?? [], request.WorkingDays ?? []);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw RequestValidationException.For("weeklyHours", "workflow.bad_hours", ex.Message);
        }
        if (request.IsDefault)
            foreach (var other in await db.Set<BusinessCalendar>().Where(c => c.IsDefault && c.Id != calendar.Id).ToListAsync(ct)) other.IsDefault = false;
        calendar.Name = request.Name;
        calendar.TimeZone = request.TimeZone;
        calendar.IsDefault = request.IsDefault;
        calendar.WeeklyHours = request.WeeklyHours;
        calendar.Holidays = request.Holidays ?? [];
        calendar.WorkingDays = request.WorkingDays ?? [];
        calendar.DepartmentIds = request.DepartmentIds ?? [];
    }

    private static CalendarDto ToDto(BusinessCalendar c) =>
        new(c.Id, c.Name, c.TimeZone, c.IsDefault, c.WeeklyHours, c.Holidays, c.WorkingDays, c.DepartmentIds, c.ConcurrencyStamp);
}
