using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
public sealed record FilePurpose(string Name, long MaxBytes, IReadOnlyList<FileFormat> AllowedFormats, string? ReadPermission)
{
    /// <summary>
    /// For files attached to records: the <see cref="IFileReferences"/> (a scoped service of the module owning the
    /// records) that tells which files of this purpose a record still uses. The daily <see cref="FileSweeper"/> removes
    /// the others once they are older than its grace period. Null (import uploads, exports): the sweep leaves the purpose
    /// alone. Set through <see cref="FilePurposeServiceExtensions.AddFilePurpose{TReferences}"/>.
    /// </summary>
    public Type? References { get; init; }
}

public sealed class FilePurposeRegistry
{
    private readonly Dictionary<string, FilePurpose> _purposes = new(StringComparer.Ordinal);

    public void Add(FilePurpose purpose) => _purposes[purpose.Name] = purpose;

    public FilePurpose Get(string name) =>
        _purposes.TryGetValue(name, out var purpose) ? purpose : throw new InvalidOperationException($"File purpose '{name}' is not registered.");

    public FilePurpose? Find(string name) => _purposes.GetValueOrDefault(name);

    /// <summary>The purposes whose unreferenced files the sweep removes, in name order.</summary>
    public IReadOnlyList<FilePurpose> Swept => _purposes.Values.Where(p => p.References is not null).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
}

public static class FilePurposeServiceExtensions
{
    public static IServiceCollection AddFilePurpose(this IServiceCollection services, FilePurpose purpose)
    {
        ModuleServiceExtensions.GetOrAddRegistry<FilePurposeRegistry>(services).Add(purpose);
        return services;
    }

    /// <summary>
    /// A purpose for files attached to records: <typeparamref name="TReferences"/> tells the daily sweep which of them
    /// records still use; the rest go once older than the grace period.
    /// </summary>
    public static IServiceCollection AddFilePurpose<TReferences>(this IServiceCollection services, FilePurpose purpose)
        where TReferences : class, IFileReferences
    {
        services.TryAddScoped<TReferences>();
        return services.AddFilePurpose(purpose with { References = typeof(TReferences) });
    }
}
