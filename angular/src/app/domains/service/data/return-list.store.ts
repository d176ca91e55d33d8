import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import {
  ReturnFilter,
  returnQuery,
  ReturnRow,
  ReturnSort,
  DEFAULT_RETURN_SORT,
  EMPTY_RETURN_FILTER,
} from '../model/return';
import { ReturnApi } from './return-api';

interface ReturnListState {
  filter: ReturnFilter;
  sort: ReturnSort;
  page: number;
  pageSize: number;
  rows: ReturnRow[];
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
}

/** Return entries I may see: views, filters, sort and pages. */
export const ReturnListStore = signalStore(
  withState<ReturnListState>({
    filter: EMPTY_RETURN_FILTER,
    sort: DEFAULT_RETURN_SORT,
    page: 1,
    pageSize: 20,
    rows: [],
    total: 0,
    totalIsLowerBound: false,
    loading: false,
    failed: false,
  }),
  withComputed((store) => ({
    query: computed(() => returnQuery(store.filter(), store.sort(), store.page(), store.pageSize())),
  })),
  withMethods((store, api = inject(ReturnApi)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      patchState(store, { loading: true, failed: false });
      try {
        const result = await api.list(store.query());
        if (mine !== request) return;
        patchState(store, { rows: result.items, total: Number(result.total), totalIsLowerBound: result.totalIsLowerBound, loading: false });
      } catch (error) {
        if (mine !== request) return;
        patchState(store, { loading: false, failed: true, rows: [] });
        throw error;
      }
    }
    return {
      load,
      applyFilter(change: Partial<ReturnFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...change }, page: 1 });
        return load();
      },
      resetFilter(): Promise<void> {
        patchState(store, { filter: { ...EMPTY_RETURN_FILTER, view: store.filter().view }, page: 1 });
        return load();
      },
      setSort(sort: ReturnSort | null): Promise<void> {
        patchState(store, { sort: sort ?? DEFAULT_RETURN_SORT, page: 1 });
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
    };
  }),
);
