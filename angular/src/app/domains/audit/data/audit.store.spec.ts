import { TestBed } from '@angular/core/testing';
import { AuditService } from '../../../shared/api/generated';
import { AuditStore } from './audit.store';

describe('AuditStore', () => {
  it('pages forward with the cursor and starts over on a new search', async () => {
    const log = (id: string) => ({ id, action: 'login', userId: null, userName: 'admin', clientIp: null, detail: null, createdAt: '2026-01-01T00:00:00Z' });
    const get = vi
      .fn()
      .mockResolvedValueOnce({ items: [log('1')], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [log('2')], nextCursor: null })
      .mockResolvedValueOnce({ items: [log('3')], nextCursor: null });
    TestBed.configureTestingModule({ providers: [AuditStore, { provide: AuditService, useValue: { apiAuditSecurityLogsGet: get } }] });
    const store = TestBed.inject(AuditStore);

    await store.searchLogs({ userName: 'admin' });
    await store.moreLogs();
    expect(store.logs().items.map((l) => l.id)).toEqual(['1', '2']);
    expect(store.logs().nextCursor).toBeNull();
    expect(get.mock.calls[1][0]).toMatchObject({ userName: 'admin', cursor: 'c1' });

    await store.searchLogs({ action: 'login' });
    expect(store.logs().items.map((l) => l.id)).toEqual(['3']);
    expect(get.mock.calls[2][0]).toMatchObject({ action: 'login', userName: 'admin', cursor: undefined });
  });
});
