import type { CallDirection, CallStatus } from '../../../shared/api/generated';

/** The SignalR client method an incoming call's screen pop arrives on (server: IncomingCalls.ScreenPopMethod). */
export const SCREEN_POP_METHOD = 'callcenter.incoming';

export interface ScreenPopCustomer {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  levelCode: string | null;
  lastFollowUpAt: string | null;
  openTickets: number;
  contactId: string | null;
  contactName: string | null;
}

/** What the server pushes to the agent whose extension rings (ScreenPopDto). */
export interface ScreenPop {
  callLogId: string;
  callId: string;
  number: string;
  startedAt: string;
  customer: ScreenPopCustomer | null;
  /** A customer matches but lies outside the agent's data scope. */
  matchedHidden: boolean;
}

export interface CallLogFilter {
  direction: CallDirection | null;
  number: string;
  customerId: string | null;
}

export const EMPTY_CALL_FILTER: CallLogFilter = { direction: null, number: '', customerId: null };

/** Talk time as m:ss (h:mm:ss from an hour); a dash while unknown. */
export function formatDuration(seconds: number | string | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds === '') return '—';
  const s = Math.max(0, Math.floor(Number(seconds)));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The pop keeps the latest calls first, once each (a repeated push of the same call replaces it). */
export function addPop(pops: readonly ScreenPop[], pop: ScreenPop, max = 5): ScreenPop[] {
  return [pop, ...pops.filter((p) => p.callLogId !== pop.callLogId)].slice(0, max);
}

/** Tag colour of a call's status: ringing and in-call stand out, a missed call is red, an ended one plain. */
export function callStatusColor(status: CallStatus): string {
  switch (status) {
    case 'Ringing':
      return 'processing';
    case 'Answered':
      return 'green';
    case 'Missed':
      return 'red';
    default:
      return 'default';
  }
}
