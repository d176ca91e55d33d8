export type { EntityChangeDto as EntityChange, SecurityLogDto as SecurityLog } from '../../../shared/api/generated';

export interface EntityChangeFilter {
  entityType: string;
  entityId: string;
  userId: string | null;
  from: string | null;
  to: string | null;
}

export interface SecurityLogFilter {
  action: string;
  userName: string;
  from: string | null;
  to: string | null;
}

/** ISO instants of a picked date range, `to` exclusive (the day after the last picked day). */
export function toRange(range: Date[] | null): { from: string | null; to: string | null } {
  if (!range || range.length !== 2) return { from: null, to: null };
  const start = new Date(range[0]);
  start.setHours(0, 0, 0, 0);
  const end = new Date(range[1]);
  end.setHours(0, 0, 0, 0);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
