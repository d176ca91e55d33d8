using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Workflows.Agents;

public sealed record AgentRequest(bool IsAbsent, DateTime? AbsentUntil, List<string>? Skills, Guid? CalendarId);

public sealed record AgentDto(Guid UserId, string Name, bool IsAbsent, DateTime? AbsentUntil, List<string> Skills, Guid? CalendarId);

internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder wf)
    {
        var agents = wf.MapGroup("/agents");
        agents.MapGet("/", async (PlatformDbContext db, CancellationToken ct) =>
            {
                var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).Take(1000).ToListAsync(ct);
                var profiles = await db.Set<AgentProfile>().AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
                return users.Select(u => profiles.TryGetValue(u.Id, out var p)
                    ? new AgentDto(u.Id, u.Name, p.IsAbsent, p.AbsentUntil, p.Skills, p.CalendarId)
                    : new AgentDto(u.Id, u.Name, false, null, [], null)).ToList();
            })
            .Produces<List<AgentDto>>().RequirePermission(WorkflowPermissions.Agents);
        agents.MapPut("/{userId:guid}", (Guid userId, AgentRequest request, PlatformDbContext db, CancellationToken ct) => SaveAsync(userId, request, db, ct))
            .Produces<AgentDto>().RequirePermission(WorkflowPermissions.Agents);
        agents.MapPut("/me", (AgentRequest request, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
                SaveAsync(user.Id ?? throw new BusinessException("auth.user_required", "Sign in as a user.", 403), request, db, ct))
            .Produces<AgentDto>().RequirePermission(WorkflowPermissions.Tasks); // every agent who gets work may set their own absence
    }

    private static async Task<AgentDto> SaveAsync(Guid userId, AgentRequest request, PlatformDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
                   ?? throw new EntityNotFoundException("User", userId);
        var profile = await db.Set<AgentProfile>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) db.Add(profile = new AgentProfile { UserId = userId });
        profile.IsAbsent = request.IsAbsent;
        profile.AbsentUntil = request.AbsentUntil;
        profile.Skills = request.Skills ?? [];
        profile.CalendarId = request.CalendarId;
        profile.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return new AgentDto(user.Id, user.Name, profile.IsAbsent, profile.AbsentUntil, profile.Skills, profile.CalendarId);
    }
}
