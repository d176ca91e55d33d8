using SaasCrm.Workflows.Activities;

namespace SaasCrm.Workflows.Definitions;

public sealed record CreateDefinitionRequest(string Name, string? Key, string? Description, WorkflowDefinitionModel Definition, WorkflowLayout? Layout);

public sealed record SaveDraftRequest(WorkflowDefinitionModel Definition, WorkflowLayout? Layout, string? ConcurrencyStamp, string? Name = null);

public sealed record DefinitionSummary(Guid Id, string Key, string Name, string? RecordType, string? TemplateKey, int LatestVersion, int? PublishedVersion);

public sealed record VersionSummary(int Number, WorkflowVersionStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? RetiredAt, int RunningInstances, string ConcurrencyStamp);

public sealed record DefinitionDetail(Guid Id, string Key, string Name, string? Description, string? RecordType, string? TemplateKey, IReadOnlyList<VersionSummary> Versions);

public sealed record VersionDetail(Guid DefinitionId, int Number, WorkflowVersionStatus Status, WorkflowDefinitionModel Definition, WorkflowLayout Layout, string ConcurrencyStamp);

public sealed record ValidationReport(bool Valid, IReadOnlyList<WorkflowValidationError> Errors);
