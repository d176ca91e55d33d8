using System.Text.Json;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Workflow;

/// <summary>
/// The service desk's ready-made workflows (W5), seeded published into every tenant: complaint escalation (V3) and
/// ticket auto-assignment (V2). Written as definition JSON with only the activity properties of docs/workflows.md.
/// </summary>
public sealed class ServiceWorkflowTemplates : IWorkflowTemplateProvider
{
    public const string ComplaintEscalationKey = "complaint-escalation";
    public const string TicketAutoAssignmentKey = "ticket-auto-assignment";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<WorkflowTemplate> Templates =>
    [
        new(ComplaintEscalationKey, new("Complaint escalation", "客诉升级处理"),
            new("Deadline from type × severity, transfer to the responsible department head, escalate when overdue, reopen until the customer is satisfied.",
                "按类型×严重程度计算答复时限，转交责任部门负责人，超时升级，回访不满意则重新处理直至满意。"),
            Parse(ComplaintEscalation), Publish: true),
        new(TicketAutoAssignmentKey, new("Ticket auto-assignment", "工单自动分派"),
            new("Response and resolution due times from the priority, round-robin assignment by category, escalation to the team head when nobody accepts within 30 minutes.",
                "按优先级计算响应与解决时限，按类别轮流分派，30 分钟内无人接单则升级给组长。"),
            Parse(TicketAutoAssignment), Publish: true),
    ];

    internal static WorkflowDefinitionModel Parse(string json) => JsonSerializer.Deserialize<WorkflowDefinitionModel>(json, Json)!;

    /// <summary>
    /// "round ≥ maxRounds" is kept as a countdown (roundsLeft starts at maxRounds and drops with each unsatisfied
    /// return visit), so the definition compares a field with a constant only. With no director user set, the last
    /// round escalates one more level instead (up the department tree towards the root department's head).
    /// </summary>
    internal const string ComplaintEscalation = """
    {
      "trigger": { "kind": "recordCreated", "recordType": "complaint" },
      "variables": [
        { "name": "maxRounds", "type": "number", "default": 3 },
        { "name": "directorUserId", "type": "user", "default": null },
        { "name": "roundsLeft", "type": "number", "default": 3 }
      ],
      "startStepId": "init-rounds",
      "steps": [
        { "id": "init-rounds", "activity": "SetField", "name": "Rounds allowed", "nameZh": "允许的处理轮次", "properties": { "field": "var.roundsLeft", "fromField": "var.maxRounds" }, "next": "deadline" },
        { "id": "deadline", "activity": "ComputeDeadline", "name": "Reply deadline by type and severity", "nameZh": "按类型和严重程度计算答复时限",
          "properties": { "field": "deadline", "workingTime": true, "matrix": { "rowField": "typeCode", "columnField": "severityCode", "default": "PT16H",
            "cells": {
              "product-quality": { "critical": "PT4H", "high": "PT8H",  "medium": "PT16H", "low": "PT24H" },
              "attitude":        { "critical": "PT2H", "high": "PT4H",  "medium": "PT8H",  "low": "PT16H" },
              "delivery":        { "critical": "PT4H", "high": "PT8H",  "medium": "PT16H", "low": "PT24H" },
              "installation":    { "critical": "PT4H", "high": "PT8H",  "medium": "PT16H", "low": "PT24H" },
              "after-sales":     { "critical": "PT4H", "high": "PT8H",  "medium": "PT16H", "low": "PT24H" },
              "price":           { "critical": "PT8H", "high": "PT16H", "medium": "PT24H", "low": "PT40H" }
            } } },
          "next": "assign-head" },
        { "id": "assign-head", "activity": "Assign", "name": "Responsible department head", "nameZh": "分派给责任部门负责人",
          "properties": { "strategy": "departmentHead", "candidates": { "departmentField": "departmentId" } },
          "next": "set-transferred", "branches": { "none": "set-transferred" } },
        { "id": "set-transferred", "activity": "SetStatus", "name": "Mark as transferred", "nameZh": "标记为已转交", "properties": { "status": "Transferred", "note": "transferred by workflow" }, "next": "notify-assignee" },
        { "id": "notify-assignee", "activity": "Notify", "name": "Tell the department head", "nameZh": "通知部门负责人",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee"],
            "subject": { "en": "Complaint {{field.number}} to handle", "zh": "待处理客诉 {{field.number}}" },
            "body": { "en": "{{title}} — please reply before {{field.deadline}}.", "zh": "{{title}}，请于 {{field.deadline}} 前答复。" } },
          "next": "wait-reply" },
        { "id": "wait-reply", "activity": "WaitForEventOrTimer", "name": "Reply or deadline", "nameZh": "等待答复或到期",
          "properties": { "event": "ReplyReceived", "timer": { "field": "deadline" } },
          "branches": { "event": "set-replied", "timer": "escalate-overdue" } },
        { "id": "set-replied", "activity": "SetStatus", "name": "Mark as replied", "nameZh": "标记为已答复", "properties": { "status": "Replied" }, "next": "wait-visit" },
        { "id": "wait-visit", "activity": "WaitForEvent", "name": "Return visit", "nameZh": "等待回访", "properties": { "event": "ReturnVisitRecorded" }, "next": "satisfied" },
        { "id": "satisfied", "activity": "If", "name": "Customer satisfied?", "nameZh": "客户是否满意？",
          "properties": { "condition": { "field": "event.satisfied", "op": "eq", "value": "true" } },
          "branches": { "true": "done", "false": "count-round" } },
        { "id": "count-round", "activity": "SetField", "name": "Count the round", "nameZh": "记录处理轮次", "properties": { "field": "var.roundsLeft", "increment": -1 }, "next": "last-round" },
        { "id": "last-round", "activity": "If", "name": "Round ≥ max rounds?", "nameZh": "是否已达最大轮次？",
          "properties": { "condition": { "field": "var.roundsLeft", "op": "lte", "value": 1 } },
          "branches": { "true": "director-set", "false": "escalate-unsatisfied" } },
        { "id": "director-set", "activity": "If", "name": "Service director set?", "nameZh": "是否已设置服务总监？",
          "properties": { "condition": { "field": "var.directorUserId", "op": "isNotEmpty" } },
          "branches": { "true": "assign-director", "false": "escalate-unsatisfied" } },
        { "id": "assign-director", "activity": "Assign", "name": "Service director", "nameZh": "分派给服务总监",
          "properties": { "strategy": "user", "userVariable": "directorUserId" }, "next": "deadline-again", "branches": { "none": "escalate-unsatisfied" } },
        { "id": "escalate-unsatisfied", "activity": "Escalate", "name": "Escalate after an unsatisfied visit", "nameZh": "回访不满意，升级处理",
          "properties": { "maxLevel": 3, "levelField": "escalationLevel", "departmentField": "departmentId" },
          "branches": { "escalated": "deadline-again", "maxReached": "deadline-again" } },
        { "id": "deadline-again", "activity": "ComputeDeadline", "name": "New reply deadline", "nameZh": "重新计算答复时限",
          "properties": { "field": "deadline", "workingTime": true, "matrix": { "rowField": "severityCode", "columnField": "severityCode", "default": "PT16H",
            "cells": { "critical": { "critical": "PT4H" }, "high": { "high": "PT8H" }, "medium": { "medium": "PT16H" }, "low": { "low": "PT24H" } } } },
          "next": "set-transferred-again" },
        { "id": "set-transferred-again", "activity": "SetStatus", "name": "Transfer again", "nameZh": "重新转交", "properties": { "status": "Transferred", "note": "customer not satisfied: handled again" }, "next": "notify-reopened" },
        { "id": "notify-reopened", "activity": "Notify", "name": "Tell them it is reopened", "nameZh": "通知重新处理",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee", "departmentHead"],
            "subject": { "en": "Complaint {{field.number}} reopened (round {{field.round}})", "zh": "客诉 {{field.number}} 客户不满意，第 {{field.round}} 轮处理" },
            "body": { "en": "{{title}} — the customer was not satisfied. Reply before {{field.deadline}}.", "zh": "{{title}}：回访客户不满意，请于 {{field.deadline}} 前重新答复。" } },
          "next": "wait-reply" },
        { "id": "escalate-overdue", "activity": "Escalate", "name": "Overdue: escalate", "nameZh": "超时升级",
          "properties": { "maxLevel": 3, "levelField": "escalationLevel", "departmentField": "departmentId" },
          "branches": { "escalated": "deadline-overdue", "maxReached": "deadline-overdue" } },
        { "id": "deadline-overdue", "activity": "ComputeDeadline", "name": "Fresh deadline", "nameZh": "新的答复时限", "properties": { "field": "deadline", "duration": "PT8H", "workingTime": true }, "next": "notify-overdue" },
        { "id": "notify-overdue", "activity": "Notify", "name": "Tell them it is overdue", "nameZh": "通知已超时",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee", "departmentHead"],
            "subject": { "en": "Complaint {{field.number}} is overdue (level {{field.escalationLevel}})", "zh": "客诉 {{field.number}} 已超时（升级 {{field.escalationLevel}} 级）" },
            "body": { "en": "{{title}} was not replied in time. New deadline: {{field.deadline}}.", "zh": "{{title}} 未在时限内答复，新时限：{{field.deadline}}。" } },
          "next": "wait-reply" },
        { "id": "done", "activity": "Complete", "name": "Done", "nameZh": "完成", "properties": { "outcome": "satisfied" } }
      ]
    }
    """;

    internal const string TicketAutoAssignment = """
    {
      "trigger": { "kind": "recordCreated", "recordType": "ticket" },
      "variables": [ { "name": "escalations", "type": "number", "default": 0 } ],
      "startStepId": "response-due",
      "steps": [
        { "id": "response-due", "activity": "ComputeDeadline", "name": "First response due", "nameZh": "首次响应时限",
          "properties": { "field": "responseDueAt", "workingTime": true, "matrix": { "rowField": "priorityCode", "columnField": "priorityCode", "default": "PT4H",
            "cells": { "urgent": { "urgent": "PT30M" }, "high": { "high": "PT1H" }, "normal": { "normal": "PT4H" }, "low": { "low": "PT8H" } } } },
          "next": "resolution-due" },
        { "id": "resolution-due", "activity": "ComputeDeadline", "name": "Resolution due", "nameZh": "解决时限",
          "properties": { "field": "resolutionDueAt", "workingTime": true, "matrix": { "rowField": "priorityCode", "columnField": "priorityCode", "default": "PT16H",
            "cells": { "urgent": { "urgent": "PT4H" }, "high": { "high": "PT8H" }, "normal": { "normal": "PT16H" }, "low": { "low": "PT40H" } } } },
          "next": "unassigned" },
        { "id": "unassigned", "activity": "If", "name": "Nobody assigned yet?", "nameZh": "是否尚未分派？",
          "properties": { "condition": { "field": "assigneeId", "op": "isEmpty" } },
          "branches": { "true": "assign", "false": "notify-assignee" } },
        { "id": "assign", "activity": "Assign", "name": "Round-robin by category", "nameZh": "按类别轮流分派",
          "properties": { "strategy": "roundRobin", "candidates": { "role": "service" },
            "routes": { "field": "categoryCode", "map": {
              "repair": { "departmentField": "departmentId", "role": "service" },
              "installation": { "departmentField": "departmentId", "role": "service" } } } },
          "next": "notify-assignee", "branches": { "none": "done" } },
        { "id": "notify-assignee", "activity": "Notify", "name": "Tell the assignee", "nameZh": "通知处理人",
          "properties": { "channels": ["inApp", "email"], "recipients": ["assignee"],
            "subject": { "en": "New ticket {{field.number}}", "zh": "新工单 {{field.number}}" },
            "body": { "en": "{{title}} — please accept it within 30 minutes.", "zh": "{{title}}，请在 30 分钟内接单。" } },
          "next": "wait-claim" },
        { "id": "wait-claim", "activity": "WaitForEventOrTimer", "name": "Accepted within 30 minutes?", "nameZh": "30 分钟内是否接单？",
          "properties": { "event": "Claimed", "timer": { "duration": "PT30M", "workingTime": true } },
          "branches": { "event": "done", "timer": "escalate" } },
        { "id": "escalate", "activity": "Escalate", "name": "Escalate to the team head", "nameZh": "升级给组长",
          "properties": { "maxLevel": 1, "levelVariable": "escalations", "departmentField": "departmentId" },
          "branches": { "escalated": "notify-head", "maxReached": "notify-head" } },
        { "id": "notify-head", "activity": "Notify", "name": "Tell the team head", "nameZh": "通知组长",
          "properties": { "channels": ["inApp", "email"], "recipients": ["departmentHead", "assignee"],
            "subject": { "en": "Ticket {{field.number}} not accepted in time", "zh": "工单 {{field.number}} 超时未接单" },
            "body": { "en": "{{title}} was not accepted within 30 minutes.", "zh": "{{title}} 30 分钟内无人接单，请处理。" } },
          "next": "done" },
        { "id": "done", "activity": "Complete", "name": "Done", "nameZh": "完成" }
      ]
    }
    """;
}
