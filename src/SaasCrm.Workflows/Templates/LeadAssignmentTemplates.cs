using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Templates;

/// <summary>
/// Lead assignment by region or source, for the sales module's "lead" record type: seeded only where that record
/// type is registered. Drafts (not published): the tenant fills in its own teams first.
/// </summary>
public sealed class LeadAssignmentTemplates : IWorkflowTemplateProvider
{
    public IEnumerable<WorkflowTemplate> Templates { get; } =
    [
        new("lead-assignment-by-region", new LocalizedText("Lead assignment by region", "按区域分配线索"),
            new LocalizedText("New leads go round robin to the sales team of their province.", "新线索按省份轮询分配给对应的销售团队。"),
            new WorkflowDefinitionModel
            {
                Trigger = new WorkflowTrigger { Kind = "recordCreated", RecordType = "lead" },
                StartStepId = "assign",
                Steps =
                [
                    new WorkflowStep
                    {
                        Id = "assign", Activity = "Assign", Name = "Round robin by province", NameZh = "按省份轮流分派",
                        Properties = new JsonObject { ["strategy"] = "roundRobin", ["routes"] = new JsonObject { ["field"] = "province", ["map"] = new JsonObject() }, ["candidates"] = new JsonObject { ["role"] = "sales" } },
                        Next = "notify",
                    },
                    new WorkflowStep
                    {
                        Id = "notify", Activity = "Notify", Name = "Tell the salesperson", NameZh = "通知销售",
                        Properties = new JsonObject { ["channels"] = new JsonArray("inApp"), ["recipients"] = new JsonArray("assignee"), ["subject"] = new JsonObject { ["en"] = "New lead: {{title}}", ["zh"] = "新线索：{{title}}" } },
                    },
                ],
            }, Publish: false),
        new("lead-assignment-by-source", new LocalizedText("Lead assignment by source", "按来源分配线索"),
            new LocalizedText("New leads go to the least-loaded salesperson, routed by lead source.", "新线索按来源路由，分配给负载最少的销售。"),
            new WorkflowDefinitionModel
            {
                Trigger = new WorkflowTrigger { Kind = "recordCreated", RecordType = "lead" },
                StartStepId = "assign",
                Steps =
                [
                    new WorkflowStep
                    {
                        Id = "assign", Activity = "Assign", Name = "Least loaded by source", NameZh = "按来源分给负载最少的销售",
                        Properties = new JsonObject { ["strategy"] = "leastLoaded", ["capacity"] = 50, ["routes"] = new JsonObject { ["field"] = "source", ["map"] = new JsonObject() }, ["candidates"] = new JsonObject { ["role"] = "sales" } },
                    },
                ],
            }, Publish: false),
    ];
}
