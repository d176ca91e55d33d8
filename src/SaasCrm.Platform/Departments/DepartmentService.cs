using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Departments;

/// <summary>The org tree (P6): create, rename, move (re-codes the subtree), head, members.</summary>
public sealed class DepartmentService(PlatformDbContext db, IDataFilter dataFilter)
{
    public async Task<IReadOnlyList<DepartmentDto>> ListAsync(CancellationToken ct) =>
        await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Id, d.ParentId, d.Code, d.Name, d.HeadUserId,
                db.Users.Where(u => u.Id == d.HeadUserId).Select(u => u.Name).FirstOrDefault(),
                db.UserDepartments.Count(ud => ud.DepartmentId == d.Id), d.ConcurrencyStamp))
            .ToListAsync(ct);

    public async Task<DepartmentDto> GetAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(d => d.Id == id) ?? throw new EntityNotFoundException("Department", id);

    public async Task<DepartmentDto> CreateAsync(CreateDepartmentRequest request, CancellationToken ct)
    {
        var department = new Department { Name = request.Name.Trim(), ParentId = request.ParentId };
        department.Code = await NextCodeAsync(request.ParentId, ct);
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        return await GetAsync(department.Id, ct);
    }

    public async Task<DepartmentDto> RenameAsync(Guid id, UpdateDepartmentRequest request, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        db.Entry(department).Property(d => d.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        department.Name = request.Name.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Moves a department (with its subtree) under another parent, or to the root.</summary>
    public async Task<DepartmentDto> MoveAsync(Guid id, MoveDepartmentRequest request, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        db.Entry(department).Property(d => d.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        if (request.ParentId == department.ParentId) return await GetAsync(id, ct);
        if (request.ParentId is { } parentId)
        {
            var parent = await FindAsync(parentId, ct, "parentId");
            if (parent.Id == id || parent.Code.StartsWith(department.Code + ".", StringComparison.Ordinal))
                throw new BusinessException("department.move_into_own_subtree", "A department cannot be moved under itself or one of its sub-departments.", 400, "parentId");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var oldCode = department.Code;
        var newCode = await NextCodeAsync(request.ParentId, ct);
        var subtree = await db.Departments.Where(d => d.Code.StartsWith(oldCode + ".")).ToListAsync(ct);
        foreach (var child in subtree) child.Code = newCode + child.Code[oldCode.Length..];
        department.Code = newCode;
        department.ParentId = request.ParentId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task SetHeadAsync(Guid id, Guid? userId, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        if (userId is { } uid && !await db.Users.AnyAsync(u => u.Id == uid, ct))
            throw new BusinessException("user.not_found", "The user does not exist.", 400, "userId");
        department.HeadUserId = userId;
        if (userId is { } head && !await db.UserDepartments.AnyAsync(ud => ud.DepartmentId == id && ud.UserId == head, ct))
        {
            db.UserDepartments.Add(new UserDepartment { DepartmentId = id, UserId = head });
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<MemberDto>> MembersAsync(Guid id, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        var headId = department.HeadUserId;
        return await db.UserDepartments.Where(ud => ud.DepartmentId == id)
            .Join(db.Users, ud => ud.UserId, u => u.Id, (ud, u) => u)
            .OrderBy(u => u.UserName)
            .Select(u => new MemberDto(u.Id, u.UserName!, u.Name, u.Id == headId))
            .ToListAsync(ct);
    }

    public async Task AddMembersAsync(Guid id, IReadOnlyList<Guid> userIds, CancellationToken ct)
    {
        await FindAsync(id, ct);
        var wanted = userIds.Distinct().ToList();
        if (await db.Users.CountAsync(u => wanted.Contains(u.Id), ct) != wanted.Count)
            throw new BusinessException("user.not_found", "One or more users do not exist.", 400, "userIds");
        var existing = await db.UserDepartments.Where(ud => ud.DepartmentId == id && wanted.Contains(ud.UserId)).Select(ud => ud.UserId).ToListAsync(ct);
        db.UserDepartments.AddRange(wanted.Except(existing).Select(uid => new UserDepartment { DepartmentId = id, UserId = uid }));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveMemberAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        var membership = await db.UserDepartments.FirstOrDefaultAsync(ud => ud.DepartmentId == id && ud.UserId == userId, ct)
            ?? throw new EntityNotFoundException("Member", userId);
        db.UserDepartments.Remove(membership);
        if (department.HeadUserId == userId) department.HeadUserId = null;
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var department = await FindAsync(id, ct);
        if (await db.Departments.AnyAsync(d => d.ParentId == id, ct))
            throw new BusinessException("department.has_children", "Move or delete the sub-departments first.", 409);
        if (await db.UserDepartments.AnyAsync(ud => ud.DepartmentId == id, ct))
            throw new BusinessException("department.has_members", "Move the members to another department first.", 409);
        db.Departments.Remove(department);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Department> FindAsync(Guid id, CancellationToken ct, string? field = null) =>
        await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? (field is null ? throw new EntityNotFoundException("Department", id)
            : throw new BusinessException("department.not_found", "The department does not exist.", 400, field));

    /// <summary>Next free path code under a parent: parent code + "." + 5-digit sequence.</summary>
    private async Task<string> NextCodeAsync(Guid? parentId, CancellationToken ct)
    {
        var prefix = "";
        if (parentId is { } pid)
        {
            prefix = (await FindAsync(pid, ct, "parentId")).Code + ".";
        }
        // Soft-deleted siblings keep their codes: include them so a code is never reused.
        List<string> siblings;
        using (dataFilter.Disable<ISoftDelete>())
        {
            siblings = await db.Departments.Where(d => d.ParentId == parentId).Select(d => d.Code).ToListAsync(ct);
        }
        var max = siblings.Select(c => int.TryParse(c[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return prefix + (max + 1).ToString(new string('0', Department.CodeUnitLength), System.Globalization.CultureInfo.InvariantCulture);
    }
}
