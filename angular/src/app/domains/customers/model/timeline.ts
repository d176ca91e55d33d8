import { TimelineEntry } from '../../../shared/api/generated';

/** A call on the customer's timeline (kind "call", added by the call center): what its data values say. */
export interface TimelineCall {
  direction: 'In' | 'Out';
  /** Ringing, Answered, Ended or Missed. */
  status: string | null;
  durationSeconds: number | null;
  /** Only http(s) links; anything else is not shown as a link. */
  recordingUrl: string | null;
}

/** The call in a timeline entry, or null when the entry is not a call. */
export function timelineCall(entry: Pick<TimelineEntry, 'kind' | 'data'>): TimelineCall | null {
  if (entry.kind !== 'call') return null;
  const data = entry.data ?? {};
  const seconds = data['durationSeconds'];
  const parsed = seconds === undefined || seconds === '' ? NaN : Number(seconds);
  const url = data['recordingUrl'] ?? null;
  return {
    direction: data['direction'] === 'Out' ? 'Out' : 'In',
    status: data['status'] ?? null,
    durationSeconds: Number.isFinite(parsed) ? parsed : null,
    recordingUrl: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

/** Talk time as m:ss (h:mm:ss from an hour on). */
export function callDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
