using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.Extensions;

public sealed record SetAgentExtensionRequest(Guid UserId, string Extension);
public sealed record AgentExtensionDto(Guid Id, Guid UserId, string UserName, string Extension);

/// <summary>The admin's map of staff users to their phone extensions; the telephony system names the extension, this finds the agent.</summary>
public sealed partial class AgentExtensions(PlatformDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AgentExtensionDto>> ListAsync(CancellationToken ct) =>
        await db.Set<AgentExtension>().AsNoTracking()
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e, u })
            .OrderBy(x => x.e.Extension)
            .Select(x => new AgentExtensionDto(x.e.Id, x.e.UserId, x.u.Name != "" ? x.u.Name : x.u.UserName!, x.e.Extension)).ToListAsync(ct);

    /// <summary>Gives a user an extension, replacing the one they had.</summary>
    public async Task<AgentExtensionDto> SetAsync(SetAgentExtensionRequest request, CancellationToken ct)
    {
        var extension = request.Extension?.Trim() ?? "";
        if (!ExtensionPattern().IsMatch(extension))
            throw RequestValidationException.For("extension", "callcenter.extension_invalid", "An extension is 1 to 16 digits, letters, '*' or '#'.");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId && u.Kind == UserKind.Staff && u.IsActive)
            .Select(u => new { u.Id, u.Name, u.UserName }).FirstOrDefaultAsync(ct)
            ?? throw RequestValidationException.For("userId", "callcenter.user_unknown", "Choose an active staff user.");
        if (await db.Set<AgentExtension>().AnyAsync(e => e.Extension == extension && e.UserId != user.Id, ct))
            throw new BusinessException("callcenter.extension_taken", $"Extension {extension} already belongs to another user.", 409, "extension");
        var row = await db.Set<AgentExtension>().FirstOrDefaultAsync(e => e.UserId == user.Id, ct);
        if (row is null) db.Add(row = new AgentExtension { UserId = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        row.Extension = extension;
        await db.SaveChangesAsync(ct);
        return new AgentExtensionDto(row.Id, user.Id, string.IsNullOrEmpty(user.Name) ? user.UserName! : user.Name, extension);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Set<AgentExtension>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException("AgentExtension", id);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"^[0-9A-Za-z*#]{1,16}$")]
    private static partial Regex ExtensionPattern();
}
