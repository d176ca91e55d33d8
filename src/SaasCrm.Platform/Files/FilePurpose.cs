using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Platform.Files;

/// <summary>What uploads may be, checked by content; stored by name (at most 8 characters).</summary>
public enum FileFormat { Csv = 1, Xlsx, Pdf, Png, Jpeg, Gif, Webp, Docx, Pptx, Txt }

/// <summary>
/// Why files are kept (an import upload, an export result): what may be uploaded for it and who, besides
/// the creator, may download such a file.
/// </summary>
/// <param name="ReadPermission">Holders may download files of this purpose made by others through /api/files; null: the
/// creator only. A record's attachments take null: others reach them through the record's endpoint, which checks they
/// may read that record.</param>
public sealed record FilePurpose(string Name, long MaxBytes, IReadOnlyList<FileFormat> AllowedFormats, string? ReadPermission);

public sealed class FilePurposeRegistry
{
    private readonly Dictionary<string, FilePurpose> _purposes = new(StringComparer.Ordinal);

    public void Add(FilePurpose purpose) => _purposes[purpose.Name] = purpose;

    public FilePurpose Get(string name) =>
        _purposes.TryGetValue(name, out var purpose) ? purpose : throw new InvalidOperationException($"File purpose '{name}' is not registered.");

    public FilePurpose? Find(string name) => _purposes.GetValueOrDefault(name);
}

public static class FilePurposeServiceExtensions
{
    public static IServiceCollection AddFilePurpose(this IServiceCollection services, FilePurpose purpose)
    {
        ModuleServiceExtensions.GetOrAddRegistry<FilePurposeRegistry>(services).Add(purpose);
        return services;
    }
}
