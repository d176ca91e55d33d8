using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// The consultation transfer workflow, seeded published into every tenant: a deadline when the agent set none, the
/// responsible department told, and when it has not answered in time the consultation goes up the department tree.
/// </summary>
public sealed class ConsultationWorkflowTemplates : IWorkflowTemplateProvider
{
    public const string TransferKey = "consultation-transfer";

    public IEnumerable<WorkflowTemplate> Templates =>
    [
        new(TransferKey, new("Consultation transfer", "咨询转交答复"),
            new("When a consultation is transferred: 8 working hours to answer unless a deadline was set, the department told, escalation up the department tree when overdue.",
                "咨询转交责任部门后：未设时限则按 8 个工作小时计算，通知责任部门，超时未答复则逐级升级。"),
            Workflow.ServiceWorkflowTemplates.Parse(Transfer), Publish: true),
    ];

    internal const string Transfer = """
    {
      "trigger": { "kind": "statusChanged", "recordType": "consultation", "status": "Transferred" },
      "variables": [],
      "startStepId": "has-deadline",
      "steps": [
        { "id": "has-deadline", "activity": "If", "name": "Deadline set by the agent?", "nameZh": "坐席是否已设时限？",
          "properties": { "condition": { "field": "deadline", "op": "isEmpty" } },
          "branches": { "true": "default-deadline", "false": "notify-department" } },
        { "id": "default-deadline", "activity": "ComputeDeadline", "name": "8 working hours", "nameZh": "8 个工作小时", "properties": { "field": "deadline", "duration": "PT8H", "workingTime": true }, "next": "notify-department" },
        { "id": "notify-department", "activity": "Notify", "name": "Tell the department", "nameZh": "通知责任部门",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee", "departmentHead"],
            "subject": { "en": "Consultation {{field.number}} to answer", "zh": "待答复咨询 {{field.number}}" },
            "body": { "en": "{{title}} — please answer before {{field.deadline}}.", "zh": "{{title}}，请于 {{field.deadline}} 前答复。" } },
          "next": "wait-answer" },
        { "id": "wait-answer", "activity": "WaitForEventOrTimer", "name": "Answer or deadline", "nameZh": "等待答复或到期",
          "properties": { "event": "ReplyReceived", "timer": { "field": "deadline" } },
          "branches": { "event": "done", "timer": "escalate" } },
        { "id": "escalate", "activity": "Escalate", "name": "Overdue: escalate", "nameZh": "超时升级",
          "properties": { "maxLevel": 2, "levelField": "escalationLevel", "departmentField": "departmentId" },
          "branches": { "escalated": "fresh-deadline", "maxReached": "fresh-deadline" } },
        { "id": "fresh-deadline", "activity": "ComputeDeadline", "name": "Fresh deadline", "nameZh": "新的答复时限", "properties": { "field": "deadline", "duration": "PT4H", "workingTime": true }, "next": "notify-overdue" },
        { "id": "notify-overdue", "activity": "Notify", "name": "Tell them it is overdue", "nameZh": "通知已超时",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee", "departmentHead"],
            "subject": { "en": "Consultation {{field.number}} is overdue (level {{field.escalationLevel}})", "zh": "咨询 {{field.number}} 已超时（升级 {{field.escalationLevel}} 级）" },
            "body": { "en": "{{title}} was not answered in time. New deadline: {{field.deadline}}.", "zh": "{{title}} 未在时限内答复，新时限：{{field.deadline}}。" } },
          "next": "wait-answer" },
        { "id": "done", "activity": "Complete", "name": "Done", "nameZh": "完成", "properties": { "outcome": "answered" } }
      ]
    }
    """;
}
