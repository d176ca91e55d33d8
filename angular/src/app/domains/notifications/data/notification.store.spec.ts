import { TestBed } from '@angular/core/testing';
import { NotificationsService } from '../../../shared/api/generated';
import { snoozeBody } from '../model/notification';
import { NotificationStore } from './notification.store';

describe('NotificationStore', () => {
  const n = (id: string, readAt: string | null = null) => ({ id, kind: 'reminder', title: 'Call ' + id, body: null, link: '/customers/c1', createdAt: '2030-01-01T00:00:00Z', readAt });

  function setup(items = [n('a', '2030-01-01T00:00:00Z')], unreadCount = 0) {
    const api = {
      apiNotificationsGet: vi.fn().mockResolvedValue({ items, nextCursor: null, unreadCount }),
      apiNotificationsIdReadPost: vi.fn().mockResolvedValue(undefined),
      apiNotificationsReadAllPost: vi.fn().mockResolvedValue(undefined),
    };
    TestBed.configureTestingModule({ providers: [{ provide: NotificationsService, useValue: api }] });
    return { store: TestBed.inject(NotificationStore), api };
  }

  it('adds a pushed notification once: a second delivery of the same id and one already listed are dropped', async () => {
    const { store } = setup();
    await store.load();
    expect(store.receive(n('b'))).toBe(true);
    expect(store.receive(n('b'))).toBe(false);
    expect(store.receive(n('a'))).toBe(false);
    expect(store.items().map((x) => x.id)).toEqual(['b', 'a']);
    expect(store.unread()).toBe(1);
  });

  it('marks one and all read and counts down', async () => {
    const { store, api } = setup([n('a'), n('b')], 2);
    await store.load();
    await store.markRead(store.items()[0]);
    expect(api.apiNotificationsIdReadPost).toHaveBeenCalledWith({ id: 'a' });
    expect(store.unread()).toBe(1);
    await store.markAllRead();
    expect(store.unread()).toBe(0);
    expect(store.items().every((x) => !!x.readAt)).toBe(true);
  });

  it('snoozes for minutes or until tomorrow 09:00', () => {
    expect(snoozeBody('10m', new Date())).toEqual({ minutes: 10 });
    expect(snoozeBody('1h', new Date())).toEqual({ minutes: 60 });
    const until = new Date(snoozeBody('tomorrow', new Date(2030, 0, 31, 18, 0)).until!);
    expect([until.getMonth(), until.getDate(), until.getHours()]).toEqual([1, 1, 9]);
  });
});
