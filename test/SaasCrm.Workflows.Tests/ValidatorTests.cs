using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;

namespace SaasCrm.Workflows.Tests;

public sealed class ValidatorTests
{
    private static readonly LocalizedText L = new("x", "x");

    private sealed class TicketType : IWorkflowRecordType
    {
        public string Name => "ticket";
        public LocalizedText DisplayName => L;
        public string? CustomFieldEntityType => null;
        public IReadOnlyList<WorkflowFieldDefinition> Fields { get; } =
            [new("severity", WorkflowFieldType.Dictionary, L), new("dueAt", WorkflowFieldType.DateTime, L, Writable: true), new("locked", WorkflowFieldType.Boolean, L)];
        public IReadOnlyList<WorkflowEventDefinition> Events { get; } = [new("ReplyReceived", L)];
        public Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> IsVisibleAsync(Guid recordId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static readonly TicketType Ticket = new();

    private static WorkflowDefinitionModel Valid() => new()
    {
        Trigger = new WorkflowTrigger { Kind = "recordCreated", RecordType = "ticket" },
        StartStepId = "check",
        Steps =
        [
            new WorkflowStep { Id = "check", Activity = "If", Properties = new JsonObject { ["condition"] = JsonNode.Parse("""{"field":"severity","op":"eq","value":"high"}""") }, Branches = new() { ["true"] = "wait", ["false"] = "done" } },
            new WorkflowStep { Id = "wait", Activity = "WaitForEventOrTimer", Properties = new JsonObject { ["event"] = "ReplyReceived", ["timer"] = new JsonObject { ["duration"] = "PT4H", ["workingTime"] = true } }, Branches = new() { ["event"] = "done", ["timer"] = "check" } },
            new WorkflowStep { Id = "done", Activity = "Complete" },
        ],
    };

    private static List<WorkflowValidationError> Validate(WorkflowDefinitionModel model) =>
        WorkflowValidator.Validate(model, model.Trigger.RecordType == "ticket" ? Ticket : null, new FieldCatalog(Ticket.Fields, model.Variables), new ActivityCatalog());

    private static WorkflowValidationError Single(WorkflowDefinitionModel model, string code)
    {
        var errors = Validate(model);
        var error = Assert.Single(errors, e => e.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [Fact]
    public void A_valid_definition_has_no_errors() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void Unknown_activity()
    {
        var m = Valid();
        m.Steps[2].Activity = "SendFax";
        var e = Single(m, "workflow.unknown_activity");
        Assert.Equal("done", e.StepId);
        Assert.Contains("SendFax", e.Message);
    }

    [Fact]
    public void Unreachable_step()
    {
        var m = Valid();
        m.Steps.Add(new WorkflowStep { Id = "orphan", Activity = "Complete" });
        Assert.Equal("orphan", Single(m, "workflow.unreachable_step").StepId);
    }

    [Fact]
    public void Missing_branch()
    {
        var m = Valid();
        m.Steps[0].Branches!.Remove("false");
        var e = Single(m, "workflow.missing_branch");
        Assert.Equal("steps.check.branches.false", e.Path);
    }

    [Fact]
    public void Loop_without_wait()
    {
        var m = Valid();
        m.Steps[0].Branches!["true"] = "bump";
        m.Variables.Add(new WorkflowVariable { Name = "round", Type = "number" });
        m.Steps.Add(new WorkflowStep { Id = "bump", Activity = "SetField", Properties = new JsonObject { ["field"] = "var.round", ["increment"] = 1 }, Next = "check" });
        m.Steps.RemoveAt(1);
        var e = Single(m, "workflow.loop_without_wait");
        Assert.Contains("check", e.Message);
        Assert.Contains("bump", e.Message);
    }

    [Fact]
    public void A_loop_through_a_wait_is_fine() => Assert.DoesNotContain(Validate(Valid()), e => e.Code == "workflow.loop_without_wait");

    [Fact]
    public void Unknown_field()
    {
        var m = Valid();
        m.Steps[0].Properties["condition"] = JsonNode.Parse("""{"field":"colour","op":"eq","value":"red"}""");
        var e = Single(m, "workflow.unknown_field");
        Assert.Equal("steps.check.properties.condition.field", e.Path);
        Assert.Contains("colour", e.Message);
    }

    [Fact]
    public void Bad_operator_for_the_field_type()
    {
        var m = Valid();
        m.Steps[0].Properties["condition"] = JsonNode.Parse("""{"all":[{"field":"locked","op":"gt","value":1}]}""");
        var e = Single(m, "workflow.bad_operator");
        Assert.Contains("Boolean", e.Message);
        m.Steps[0].Properties["condition"] = JsonNode.Parse("""{"field":"severity","op":"like","value":"x"}""");
        Assert.Contains("like", Single(m, "workflow.bad_operator").Message);
    }

    [Fact]
    public void Bad_duration()
    {
        var m = Valid();
        m.Steps[1].Properties["timer"] = new JsonObject { ["duration"] = "4 hours" };
        Assert.Equal("steps.wait.properties.timer.duration", Single(m, "workflow.bad_duration").Path);
    }

    [Fact]
    public void Bad_cron()
    {
        var m = new WorkflowDefinitionModel
        {
            Trigger = new WorkflowTrigger { Kind = "schedule", Cron = "every monday", TimeZone = "Asia/Shanghai" },
            StartStepId = "done",
            Steps = [new WorkflowStep { Id = "done", Activity = "Complete" }],
        };
        Assert.Equal("trigger.cron", Single(m, "workflow.bad_cron").Path);
        m.Trigger.Cron = "0 9 * * MON-FRI";
        Assert.Empty(Validate(m));
    }

    [Fact]
    public void Unknown_event_and_record_type()
    {
        var m = Valid();
        m.Steps[1].Properties["event"] = "Smoke";
        Single(m, "workflow.unknown_event");
        m.Trigger.RecordType = "spaceship";
        Assert.Contains(Validate(m), e => e.Code == "workflow.unknown_record_type");
    }

    [Fact]
    public void Unknown_step_target()
    {
        var m = Valid();
        m.Steps[0].Branches!["false"] = "nowhere";
        Assert.Contains("nowhere", Single(m, "workflow.unknown_step").Message);
    }
}
