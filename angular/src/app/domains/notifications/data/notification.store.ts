import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { NotificationsService } from '../../../shared/api/generated';
import { addPushed, AppNotification, SeenIds } from '../model/notification';

interface NotificationState {
  items: AppNotification[];
  unread: number;
  nextCursor: string | null;
}

/** The bell: the latest notifications, the unread count, marking read; pushes from the hub are added once per id. */
export const NotificationStore = signalStore(
  { providedIn: 'root' },
  withState<NotificationState>({ items: [], unread: 0, nextCursor: null }),
  withMethods((store, api = inject(NotificationsService)) => {
    const seen = new SeenIds();
    return {
      async load(): Promise<void> {
        const page = await api.apiNotificationsGet({ pageSize: 20 });
        for (const n of page.items) seen.firstTime(n.id);
        patchState(store, { items: page.items, unread: Number(page.unreadCount), nextCursor: page.nextCursor });
      },
      /** A pushed notification; false when it was seen before (a duplicate delivery: no second popup). */
      receive(n: AppNotification): boolean {
        if (!seen.firstTime(n.id)) return false;
        const { list, added } = addPushed(store.items(), n);
        if (added) patchState(store, { items: list, unread: store.unread() + (n.readAt ? 0 : 1) });
        return added;
      },
      async markRead(n: AppNotification): Promise<void> {
        if (n.readAt) return;
        await api.apiNotificationsIdReadPost({ id: n.id });
        patchState(store, {
          items: store.items().map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)),
          unread: Math.max(0, store.unread() - 1),
        });
      },
      async markAllRead(): Promise<void> {
        await api.apiNotificationsReadAllPost();
        const now = new Date().toISOString();
        patchState(store, { items: store.items().map((x) => ({ ...x, readAt: x.readAt ?? now })), unread: 0 });
      },
      reset(): void {
        patchState(store, { items: [], unread: 0, nextCursor: null });
      },
    };
  }),
);
