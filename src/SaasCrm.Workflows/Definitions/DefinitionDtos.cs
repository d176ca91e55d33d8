using SaasCrm.Workflows.Activities;

namespace SaasCrm.Workflows.Definitions;

/// <param name="NameZh">Chinese name and description, when the workflow has both (the seeded templates do).</param>
public sealed record CreateDefinitionRequest(string Name, string? Key, string? Description, WorkflowDefinitionModel Definition, WorkflowLayout? Layout,
    string? NameZh = null, string? DescriptionZh = null);

/// <param name="Name">A new name; renaming drops the Chinese name unless <paramref name="NameZh"/> gives one.</param>
public sealed record SaveDraftRequest(WorkflowDefinitionModel Definition, WorkflowLayout? Layout, string? ConcurrencyStamp, string? Name = null, string? NameZh = null);

public sealed record DefinitionSummary(Guid Id, string Key, string Name, string? NameZh, string? RecordType, string? TemplateKey, int LatestVersion, int? PublishedVersion);

public sealed record VersionSummary(int Number, WorkflowVersionStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? RetiredAt, int RunningInstances, string ConcurrencyStamp);

public sealed record DefinitionDetail(Guid Id, string Key, string Name, string? NameZh, string? Description, string? DescriptionZh, string? RecordType, string? TemplateKey,
    IReadOnlyList<VersionSummary> Versions);

public sealed record VersionDetail(Guid DefinitionId, int Number, WorkflowVersionStatus Status, WorkflowDefinitionModel Definition, WorkflowLayout Layout, string ConcurrencyStamp);

public sealed record ValidationReport(bool Valid, IReadOnlyList<WorkflowValidationError> Errors);
