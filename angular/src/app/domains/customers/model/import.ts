/** Customer import wizard: the steps and what each needs before the next may open. */
export type ImportStep = 'upload' | 'mapping' | 'dryRun' | 'running' | 'result';
export const IMPORT_STEPS: readonly ImportStep[] = ['upload', 'mapping', 'dryRun', 'running', 'result'];

export interface ImportFieldLike {
  key: string;
  required: boolean;
}

export type ImportMapping = Record<string, string | null>;

/** Header → field as the upload proposed it (reused from the last import when headers match); unknown headers stay unmapped. */
export function initialMapping(headers: string[], proposed: Record<string, string | null | undefined>): ImportMapping {
  return Object.fromEntries(headers.map((h) => [h, proposed[h] ?? null]));
}

/** Required fields no header is mapped to. */
export function missingRequired(mapping: ImportMapping, fields: ImportFieldLike[]): string[] {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => !!v));
  return fields.filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key);
}

/** Fields mapped from more than one header (each field takes one column). */
export function doubleMapped(mapping: ImportMapping): string[] {
  const counts = new Map<string, number>();
  for (const v of Object.values(mapping)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
}

/** Sets one header's field; a field may come from one header only, so another header holding it is cleared. */
export function mapHeader(mapping: ImportMapping, header: string, field: string | null): ImportMapping {
  const next: ImportMapping = {};
  for (const [h, f] of Object.entries(mapping)) next[h] = field && f === field && h !== header ? null : f;
  next[header] = field;
  return next;
}

/** Import states that are still working (the result screen polls while one of these). */
export function isRunning(status: string): boolean {
  return status === 'Queued' || status === 'Running';
}
