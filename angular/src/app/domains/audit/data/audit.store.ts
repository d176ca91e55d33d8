import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { AuditService } from '../../../shared/api/generated';
import { EntityChange, EntityChangeFilter, SecurityLog, SecurityLogFilter } from '../model/audit';

interface Feed<T, F> {
  items: T[];
  nextCursor: string | null;
  filter: F;
  loading: boolean;
  loaded: boolean;
  failed: boolean;
}

export interface AuditState {
  changes: Feed<EntityChange, EntityChangeFilter>;
  logs: Feed<SecurityLog, SecurityLogFilter>;
}

const PAGE_SIZE = 50;

/** Record changes and security logs, newest first, paged forward with the server's cursor. */
export const AuditStore = signalStore(
  withState<AuditState>({
    changes: { items: [], nextCursor: null, filter: { entityType: '', entityId: '', userId: null, from: null, to: null }, loading: false, loaded: false, failed: false },
    logs: { items: [], nextCursor: null, filter: { action: '', userName: '', from: null, to: null }, loading: false, loaded: false, failed: false },
  }),
  withMethods((store, api = inject(AuditService)) => {
    async function fetchChanges(append: boolean): Promise<void> {
      const feed = store.changes();
      patchState(store, { changes: { ...feed, loading: true, failed: false } });
      try {
        const f = feed.filter;
        const page = await api.apiAuditEntityChangesGet({
          entityType: f.entityType || undefined,
          entityId: f.entityId || undefined,
          userId: f.userId ?? undefined,
          from: f.from ?? undefined,
          to: f.to ?? undefined,
          cursor: append ? (feed.nextCursor ?? undefined) : undefined,
          pageSize: PAGE_SIZE,
        });
        patchState(store, {
          changes: { ...store.changes(), items: append ? [...feed.items, ...page.items] : page.items, nextCursor: page.nextCursor, loading: false, loaded: true },
        });
      } catch (error) {
        patchState(store, { changes: { ...store.changes(), loading: false, failed: true } });
        throw error;
      }
    }
    async function fetchLogs(append: boolean): Promise<void> {
      const feed = store.logs();
      patchState(store, { logs: { ...feed, loading: true, failed: false } });
      try {
        const f = feed.filter;
        const page = await api.apiAuditSecurityLogsGet({
          action: f.action || undefined,
          userName: f.userName || undefined,
          from: f.from ?? undefined,
          to: f.to ?? undefined,
          cursor: append ? (feed.nextCursor ?? undefined) : undefined,
          pageSize: PAGE_SIZE,
        });
        patchState(store, {
          logs: { ...store.logs(), items: append ? [...feed.items, ...page.items] : page.items, nextCursor: page.nextCursor, loading: false, loaded: true },
        });
      } catch (error) {
        patchState(store, { logs: { ...store.logs(), loading: false, failed: true } });
        throw error;
      }
    }
    return {
      searchChanges(filter: Partial<EntityChangeFilter>): Promise<void> {
        patchState(store, { changes: { ...store.changes(), filter: { ...store.changes().filter, ...filter } } });
        return fetchChanges(false);
      },
      moreChanges: () => fetchChanges(true),
      searchLogs(filter: Partial<SecurityLogFilter>): Promise<void> {
        patchState(store, { logs: { ...store.logs(), filter: { ...store.logs().filter, ...filter } } });
        return fetchLogs(false);
      },
      moreLogs: () => fetchLogs(true),
    };
  }),
);
