/** Customer merge: the choices made on the preview become the merge request. */
export interface MergePreviewLike {
  survivorId: string;
  customers: { id: string; concurrencyStamp: string; isSurvivor: boolean }[];
  conflicts: { field: string; suggestedSourceId: string }[];
}

export interface MergeRequestBody {
  survivorId: string;
  loserIds: string[];
  fieldChoices: Record<string, string>;
  concurrencyStamps: Record<string, string>;
}

/** The suggested source of every conflicting field (the user then changes single radios). */
export function suggestedChoices(preview: MergePreviewLike): Record<string, string> {
  return Object.fromEntries(preview.conflicts.map((c) => [c.field, c.suggestedSourceId]));
}

/**
 * The request of a confirmed preview: every conflict names the customer its value comes from (the choice, else the
 * suggestion), and every customer's stamp as the preview read it so a change in between answers 409.
 */
export function mergeRequest(preview: MergePreviewLike, choices: Record<string, string>): MergeRequestBody {
  const ids = new Set(preview.customers.map((c) => c.id));
  const fieldChoices: Record<string, string> = {};
  for (const conflict of preview.conflicts) {
    const chosen = choices[conflict.field];
    fieldChoices[conflict.field] = chosen && ids.has(chosen) ? chosen : conflict.suggestedSourceId;
  }
  return {
    survivorId: preview.survivorId,
    loserIds: preview.customers.filter((c) => c.id !== preview.survivorId).map((c) => c.id),
    fieldChoices,
    concurrencyStamps: Object.fromEntries(preview.customers.map((c) => [c.id, c.concurrencyStamp])),
  };
}

/** A conflicting value as text (lists joined, empty as a dash). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
