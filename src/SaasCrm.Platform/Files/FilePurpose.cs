using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Platform.Files;

/// <summary>The formats the platform can check by content.</summary>
/// <summary>What uploads may be; stored by name (at most 8 characters).</summary>
public enum FileFormat { Csv = 1, Xlsx, Pdf, Png, Jpeg, Gif, Webp, Docx, Pptx, Txt }

/// <summary>
/// Why files are kept (an import upload, an export result): what may be uploaded for it and who, besides
/// the creator, may download such a file.
/// </summary>
/// <param name="ReadPermission">Holders may download files of this purpose made by others; null: the creator only.</param>
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
