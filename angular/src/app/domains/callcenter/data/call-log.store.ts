import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { CallCenterService } from '../../../shared/api/generated';
import type { CallLogDto } from '../../../shared/api/generated';
import { CallLogFilter, EMPTY_CALL_FILTER } from '../model/callcenter';

interface CallLogState {
  filter: CallLogFilter;
  page: number;
  pageSize: number;
  items: CallLogDto[];
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
}

const initialState: CallLogState = { filter: EMPTY_CALL_FILTER, page: 1, pageSize: 20, items: [], total: 0, totalIsLowerBound: false, loading: false, failed: false };

/** Call logs in the caller's data scope: filters (direction, number, customer), newest first, pages. */
export const CallLogStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(CallCenterService)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      const f = store.filter();
      patchState(store, { loading: true, failed: false });
      try {
        const result = await api.apiTelephonyCallsGet({
          Direction: f.direction ?? undefined,
          Number: f.number.trim() || undefined,
          CustomerId: f.customerId ?? undefined,
          Page: store.page(),
          PageSize: store.pageSize(),
        });
        if (mine !== request) return;
        patchState(store, { items: result.items, total: Number(result.total), totalIsLowerBound: result.totalIsLowerBound, loading: false });
      } catch (error) {
        if (mine !== request) return;
        patchState(store, { loading: false, failed: true, items: [] });
        throw error;
      }
    }
    return {
      load,
      applyFilter(change: Partial<CallLogFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...change }, page: 1 });
        return load();
      },
      setPage(page: number): Promise<void> {
        patchState(store, { page });
        return load();
      },
      setPageSize(pageSize: number): Promise<void> {
        patchState(store, { pageSize, page: 1 });
        return load();
      },
      async saveNote(call: CallLogDto, note: string): Promise<void> {
        const saved = await api.apiTelephonyCallsIdNotePut({ id: call.id, body: { note, concurrencyStamp: call.concurrencyStamp } });
        patchState(store, { items: store.items().map((c) => (c.id === saved.id ? saved : c)) });
      },
    };
  }),
);
