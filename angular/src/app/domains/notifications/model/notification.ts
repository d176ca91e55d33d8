/** A bell notification as the API and the real-time hub send it. */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  createdAt: string;
  readAt?: string | null;
}

/**
 * Adds a notification pushed by the hub to the list unless it is already there (a reconnect or a second tab
 * may deliver it twice; the REST list may have fetched it already). Newest first.
 */
export function addPushed(list: AppNotification[], pushed: AppNotification): { list: AppNotification[]; added: boolean } {
  if (list.some((n) => n.id === pushed.id)) return { list, added: false };
  return { list: [pushed, ...list], added: true };
}

/** A fixed set of ids seen, bounded so a long session does not grow without end. */
export class SeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 500) {}

  /** True the first time an id is offered. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/** Snooze choices of the reminders page: minutes from now, or tomorrow 09:00 local time. */
export type SnoozeChoice = '10m' | '1h' | 'tomorrow';

export function snoozeBody(choice: SnoozeChoice, now: Date): { minutes?: number; until?: string } {
  if (choice === '10m') return { minutes: 10 };
  if (choice === '1h') return { minutes: 60 };
  const t = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0);
  return { until: t.toISOString() };
}
