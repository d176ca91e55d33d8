using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows;

/// <summary>
/// Ready-made definitions a module offers (complaint escalation, ticket auto-assignment, lead assignment).
/// The engine seeds each into every tenant once, as an editable definition (published when
/// <see cref="WorkflowTemplate.Publish"/>), and admins can start a new draft from it again later.
/// </summary>
public interface IWorkflowTemplateProvider
{
    IEnumerable<WorkflowTemplate> Templates { get; }
}

/// <param name="Key">Stable key, e.g. "complaint-escalation"; the seeded definition keeps it.</param>
public sealed record WorkflowTemplate(string Key, LocalizedText Name, LocalizedText Description, WorkflowDefinitionModel Definition, bool Publish);
