/**
 * Durations as admins type them ("4h", "1d", "1d 4h", "30m", "2w") and as the engine stores them (ISO 8601:
 * PT4H, P1D, P1DT4H, PT30M, P14D). Days are calendar/working days as the step's `workingTime` says; the editor
 * does not convert between units.
 */
const SHORT = /^\s*(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$/i;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

interface Parts {
  days: number;
  hours: number;
  minutes: number;
}

function fromIso(value: string): Parts | null {
  const m = ISO.exec(value.trim());
  if (!m || value.trim().toUpperCase() === 'P' || /T$/i.test(value.trim())) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { days: n(1) * 7 + n(2), hours: n(3), minutes: n(4) + Math.floor(n(5) / 60) };
}

function fromShort(value: string): Parts | null {
  const m = SHORT.exec(value);
  if (!m || !(m[1] || m[2] || m[3] || m[4])) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { days: n(1) * 7 + n(2), hours: n(3), minutes: n(4) };
}

/** "4h" → "PT4H", "1d 4h" → "P1DT4H"; an ISO text is accepted as is; null when it is neither or zero. */
export function toIsoDuration(text: string | null | undefined): string | null {
  if (!text || !text.trim()) return null;
  const parts = /^p/i.test(text.trim()) ? fromIso(text) : fromShort(text);
  if (!parts || parts.days + parts.hours + parts.minutes === 0) return null;
  let iso = 'P';
  if (parts.days) iso += `${parts.days}D`;
  if (parts.hours || parts.minutes) {
    iso += 'T';
    if (parts.hours) iso += `${parts.hours}H`;
    if (parts.minutes) iso += `${parts.minutes}M`;
  }
  return iso;
}

/** "PT4H" → "4h", "P1DT4H" → "1d 4h"; anything unreadable is shown as stored. */
export function toShortDuration(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = fromIso(iso);
  if (!parts) return iso;
  return [parts.days && `${parts.days}d`, parts.hours && `${parts.hours}h`, parts.minutes && `${parts.minutes}m`].filter(Boolean).join(' ');
}

export const isDuration = (text: string | null | undefined): boolean => toIsoDuration(text) !== null;

/** ComputeDeadline's matrix: rows × columns of dictionary codes, each cell a duration; `default` for the rest. */
export interface DeadlineMatrix {
  rowField: string;
  columnField: string;
  cells: Record<string, Record<string, string>>;
  default?: string | null;
}

/** Sets one cell from what the admin typed; an empty text clears it. Returns null when the text is no duration. */
export function setMatrixCell(matrix: DeadlineMatrix, row: string, column: string, text: string): DeadlineMatrix | null {
  const cells = Object.fromEntries(Object.entries(matrix.cells ?? {}).map(([r, cols]) => [r, { ...cols }]));
  if (!text.trim()) {
    if (cells[row]) {
      delete cells[row][column];
      if (Object.keys(cells[row]).length === 0) delete cells[row];
    }
    return { ...matrix, cells };
  }
  const iso = toIsoDuration(text);
  if (!iso) return null;
  cells[row] = { ...(cells[row] ?? {}), [column]: iso };
  return { ...matrix, cells };
}

/** The cell as the grid shows it ("4h"). */
export const matrixCellText = (matrix: DeadlineMatrix, row: string, column: string): string =>
  toShortDuration(matrix.cells?.[row]?.[column]);

/** Cells whose row or column value is no longer in the dictionaries (shown so they can be cleaned up). */
export function orphanCells(matrix: DeadlineMatrix, rows: string[], columns: string[]): string[] {
  const r = new Set(rows);
  const c = new Set(columns);
  return Object.entries(matrix.cells ?? {}).flatMap(([row, cols]) =>
    Object.keys(cols)
      .filter((col) => !r.has(row) || !c.has(col))
      .map((col) => `${row} × ${col}`),
  );
}
