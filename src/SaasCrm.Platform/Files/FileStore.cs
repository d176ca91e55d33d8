using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Files;

/// <summary>
/// Keeps files of the current tenant under the data folder (<c>files/{tenant}/{yyyy}/{MM}/{id}.bin</c>).
/// Saving adds the <see cref="StoredFile"/> row to the caller's unit of work; the caller saves.
/// </summary>
public interface IFileStore
{
    /// <summary>An upload: checked for size, allowed format (by extension) and content, 400 on <c>file</c> otherwise.</summary>
    Task<StoredFile> SaveUploadAsync(string purpose, string? originalName, Stream content, CancellationToken ct);

    /// <summary>A file the system produced (export, error report): trusted content, no checks.</summary>
    Task<StoredFile> SaveGeneratedAsync(string purpose, string fileName, FileFormat format, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The file if the caller may read it: same tenant and the creator or a holder of the purpose's read permission; else 404.</summary>
    Task<StoredFile> GetReadableAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// A file the caller uploaded for this purpose, to attach to a record: knowing the id of someone else's upload
    /// (or of a file of another kind) gives nothing. Else a validation error on "attachmentFileIds" with <paramref name="notFoundCode"/>.
    /// </summary>
    Task<StoredFile> GetOwnUploadAsync(Guid id, string purpose, string notFoundCode, CancellationToken ct);

    /// <summary>A file of the current tenant by id, without the reader check (for code acting on its own records).</summary>
    Task<StoredFile> GetAsync(Guid id, CancellationToken ct);

    Task<byte[]> ReadAllBytesAsync(StoredFile file, CancellationToken ct);

    Stream OpenRead(StoredFile file);

    /// <summary>
    /// Deletes a file's bytes once its row is gone (after the deleting transaction committed, never before); bytes already
    /// gone are no error.
    /// </summary>
    void DeleteContent(StoredFile file);
}

public sealed class LocalFileStore(
    PlatformDbContext db,
    IOptions<DataFolderOptions> dataFolder,
    ICurrentTenant tenant,
    ICurrentUser user,
    IPermissionChecker permissions,
    FilePurposeRegistry purposes,
    TimeProvider clock) : IFileStore
{
    public async Task<StoredFile> SaveUploadAsync(string purpose, string? originalName, Stream content, CancellationToken ct)
    {
        var rule = purposes.Get(purpose);
        var format = FileContentSniffer.FromFileName(originalName);
        if (format is null || !rule.AllowedFormats.Contains(format.Value))
        {
            var allowed = string.Join(", ", rule.AllowedFormats.Select(f => FileContentSniffer.Extensions[f]));
            throw RequestValidationException.For("file", "file.type_not_allowed", $"Only {allowed} files can be uploaded here.");
        }
        var bytes = await ReadBoundedAsync(content, rule.MaxBytes, ct);
        if (bytes.Length == 0) throw RequestValidationException.For("file", "file.empty", "The file is empty.");
        if (!FileContentSniffer.Matches(format.Value, bytes))
            throw RequestValidationException.For("file", "file.content_mismatch", $"The content is not a {FileContentSniffer.Extensions[format.Value]} file.");
        return await SaveAsync(purpose, SafeDisplayName(originalName!), format.Value, bytes, ct);
    }

    public Task<StoredFile> SaveGeneratedAsync(string purpose, string fileName, FileFormat format, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        purposes.Get(purpose);
        return SaveAsync(purpose, SafeDisplayName(fileName), format, content, ct);
    }

    public async Task<StoredFile> GetReadableAsync(Guid id, CancellationToken ct)
    {
        var file = await GetAsync(id, ct);
        if (file.CreatedBy is { } creator && creator == user.Id) return file;
        var permission = purposes.Find(file.Purpose)?.ReadPermission;
        if (permission is not null && await permissions.IsGrantedAsync(permission, ct)) return file;
        throw new EntityNotFoundException("File", id);
    }

    public async Task<StoredFile> GetOwnUploadAsync(Guid id, string purpose, string notFoundCode, CancellationToken ct)
    {
        var me = user.Id;
        return await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.Purpose == purpose && f.CreatedBy == me, ct)
            ?? throw RequestValidationException.For("attachmentFileIds", notFoundCode, $"File {id} was not found.");
    }

    public async Task<StoredFile> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new EntityNotFoundException("File", id);

    public Task<byte[]> ReadAllBytesAsync(StoredFile file, CancellationToken ct) => File.ReadAllBytesAsync(PathOf(file), ct);

    public Stream OpenRead(StoredFile file) => new FileStream(PathOf(file), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void DeleteContent(StoredFile file)
    {
        var path = PathOf(file);
        if (File.Exists(path)) File.Delete(path);
    }

    private async Task<StoredFile> SaveAsync(string purpose, string displayName, FileFormat format, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var file = new StoredFile
        {
            Purpose = purpose,
            OriginalName = displayName,
            Format = format,
            ContentType = FileContentSniffer.ContentTypes[format],
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            CreatedBy = user.Id,
            CreatedAt = now,
        };
        file.StorageName = $"{now:yyyy}/{now:MM}/{file.Id:N}.bin";
        var path = PathOf(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), ct);
        db.Add(file);
        return file;
    }

    /// <summary>The tenant folder comes from the row's tenant (or the current one for a new row), never from input.</summary>
    private string PathOf(StoredFile file)
    {
        var tenantId = file.TenantId ?? tenant.Id;
        var root = Path.Combine(dataFolder.Value.Path, "files", tenantId?.ToString("N") ?? "host");
        return Path.Combine(root, file.StorageName.Replace('/', Path.DirectorySeparatorChar));
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw RequestValidationException.For("file", "file.too_large", $"The file is larger than {maxBytes / 1024 / 1024.0:0.#} MB.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Only the last path segment, without control characters, at most 200 characters: it is shown, never used as a path.</summary>
    private static string SafeDisplayName(string name)
    {
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "file";
        return clean.Length > 200 ? clean[^200..] : clean;
    }
}
