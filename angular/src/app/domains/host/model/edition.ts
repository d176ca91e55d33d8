export type { EditionDto as Edition, SaveEditionRequest } from '../../../shared/api/generated';

/** A limit as a number, or null for "no limit" (the API document types numbers loosely). */
export function limitValue(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
