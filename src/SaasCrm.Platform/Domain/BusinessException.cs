namespace SaasCrm.Platform.Domain;

/// <summary>A rule was broken: answered as ProblemDetails with a stable <see cref="Code"/> (e.g. "tenant.name_taken").</summary>
public class BusinessException(string code, string message, int status = 400, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public string? Field { get; } = field;
    /// <summary>Specifics for the reader (a suspension reason, the limit that was hit), answered as <c>detail</c>.</summary>
    public string? Detail { get; init; }
    /// <summary>Structured specifics answered as extra ProblemDetails members (e.g. the duplicates that were found).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}

/// <summary>Not found, or not visible to the caller (another tenant, outside the data scope): always 404, never 403.</summary>
public sealed class EntityNotFoundException(string entityType, object? id = null)
    : BusinessException("not_found", id is null ? $"{entityType} was not found." : $"{entityType} '{id}' was not found.", 404)
{
    public string EntityType { get; } = entityType;
}
