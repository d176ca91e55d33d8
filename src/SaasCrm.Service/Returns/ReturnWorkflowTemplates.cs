using SaasCrm.Workflows;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Return approval, seeded published into every tenant: amounts above 1,000 go to the head of the responsible department's
/// parent department, others to the responsible department's head (the team lead); the approver is reminded each working
/// day until they decide. Tenants change the threshold in the condition.
/// </summary>
public sealed class ReturnWorkflowTemplates : IWorkflowTemplateProvider
{
    public const string ApprovalKey = "return-approval";

    public IEnumerable<WorkflowTemplate> Templates =>
    [
        new(ApprovalKey, new("Return approval", "退换货审批"),
            new("Submitted entries above 1,000 are approved by the department head, others by the team lead; daily reminders until decided.",
                "提交的登记金额超过 1,000 由部门负责人审批，否则由组长审批；未审批则每个工作日提醒。"),
            Workflow.ServiceWorkflowTemplates.Parse(Approval), Publish: true),
    ];

    internal const string Approval = """
    {
      "trigger": { "kind": "statusChanged", "recordType": "return", "status": "Submitted" },
      "variables": [],
      "startStepId": "large",
      "steps": [
        { "id": "large", "activity": "If", "name": "Amount above 1,000?", "nameZh": "金额是否超过 1,000？",
          "properties": { "condition": { "field": "amount", "op": "gt", "value": 1000 } },
          "branches": { "true": "department-head", "false": "team-lead" } },
        { "id": "department-head", "activity": "Assign", "name": "Head of the parent department", "nameZh": "上级部门负责人",
          "properties": { "strategy": "departmentHead", "candidates": { "departmentField": "parentDepartmentId" } },
          "next": "notify-approver", "branches": { "none": "team-lead" } },
        { "id": "team-lead", "activity": "Assign", "name": "Head of the responsible department", "nameZh": "责任部门负责人",
          "properties": { "strategy": "departmentHead", "candidates": { "departmentField": "departmentId" } },
          "next": "notify-approver", "branches": { "none": "notify-approver" } },
        { "id": "notify-approver", "activity": "Notify", "name": "Ask for approval", "nameZh": "请求审批",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee"],
            "subject": { "en": "Return entry {{field.number}} waits for your approval", "zh": "退换货登记 {{field.number}} 待您审批" },
            "body": { "en": "{{title}}", "zh": "{{title}}" } },
          "next": "wait-decision" },
        { "id": "wait-decision", "activity": "WaitForEventOrTimer", "name": "Decision or a working day", "nameZh": "等待审批或一个工作日",
          "properties": { "event": "ApprovalDecided", "timer": { "duration": "PT8H", "workingTime": true } },
          "branches": { "event": "done", "timer": "remind" } },
        { "id": "remind", "activity": "Notify", "name": "Reminder", "nameZh": "提醒",
          "properties": { "channels": ["inApp"], "recipients": ["assignee"],
            "subject": { "en": "Reminder: return entry {{field.number}} waits for your approval", "zh": "提醒：退换货登记 {{field.number}} 仍待审批" },
            "body": { "en": "{{title}}", "zh": "{{title}}" } },
          "next": "wait-decision" },
        { "id": "done", "activity": "Complete", "name": "Done", "nameZh": "完成", "properties": { "outcome": "decided" } }
      ]
    }
    """;
}
