import { TranslateService } from '@ngx-translate/core';
import { labelIn } from './custom-field-support';

/** Where the status labels of each known record type live (their own areas' translations). */
const STATUS_LABELS: Record<string, string> = {
  ticket: 'service.ticketStatus',
  complaint: 'service.complaintStatus',
  consultation: 'consultations.statuses',
  return: 'returns.statuses',
};

/** A translation, or `fallback` when the key is missing (ngx-translate answers with the key itself). */
export function translated(translate: TranslateService, key: string, fallback: string, params?: Record<string, string>): string {
  const text = translate.instant(key, params) as string;
  return text && text !== key ? text : fallback;
}

/** A record status as its record type labels it, e.g. ticket "InProgress" → "In progress"; unknown ones as they are. */
export function statusLabelKey(recordType: string | null | undefined, status: string): string | null {
  const area = recordType ? STATUS_LABELS[recordType] : undefined;
  return area ? `${area}.${status}` : null;
}

/** A record field's label key (the workflow catalogue's labels), e.g. ticket "priorityCode" → "Priority". */
export function fieldLabelKey(recordType: string | null | undefined, field: string): string | null {
  return recordType ? `workflows.journal.fields.${recordType}.${field}` : null;
}

/**
 * A workflow variable by its label where one is known (the seeded workflows' variables, workflows.journal.variables.*,
 * e.g. "roundsLeft" → "Rounds left"), else named as a variable: "Variable “roundsLeft”".
 */
export function variableLabel(translate: TranslateService, name: string): string {
  return translated(translate, `workflows.journal.variables.${name}`, '') || translated(translate, 'workflows.journal.variable', name, { name });
}

/** A field a step reads or writes: "var.x" as a variable, a record field by its label, anything else as written. */
export function workflowFieldLabel(translate: TranslateService, recordType: string | null | undefined, field: string): string {
  if (field.startsWith('var.')) return variableLabel(translate, field.slice(4));
  const key = fieldLabelKey(recordType, field);
  return key ? translated(translate, key, field) : field;
}

/** An event a workflow waits for, in words ("ReplyReceived" → "the department's reply"); unknown ones as they are. */
export function workflowEventLabel(translate: TranslateService, event: string): string {
  return translated(translate, `workflows.journal.events.${event}`, event);
}

/**
 * A round-robin pool the admin named, in the viewer's language: the team or category the server found it stands for
 * (`poolName` / `poolNameZh`), else the key as typed; empty when the step used its own pool.
 */
export function poolLabel(language: string, args: Record<string, string | null | undefined> | null | undefined): string {
  return labelIn(language, args?.['poolName'], args?.['poolNameZh']) || (args?.['pool'] ?? '');
}
