import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { ComplaintsService } from '../../../shared/api/generated';
import type { NamedRef } from '../../../shared/api/generated';
import {
  applyRoundFilter,
  ComplaintFilter,
  complaintQuery,
  ComplaintRow,
  ComplaintSort,
  DEFAULT_COMPLAINT_SORT,
  EMPTY_COMPLAINT_FILTER,
} from '../model/complaint';
import { ServiceLookups } from './service-lookups';

export interface ComplaintListState {
  filter: ComplaintFilter;
  sort: ComplaintSort;
  page: number;
  pageSize: number;
  rows: ComplaintRow[];
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
  departments: NamedRef[];
}

/** Complaints I may see: views, filters (status, type, severity, department, overdue, round), sort and pages. */
export const ComplaintListStore = signalStore(
  withState<ComplaintListState>({
    filter: EMPTY_COMPLAINT_FILTER,
    sort: DEFAULT_COMPLAINT_SORT,
    page: 1,
    pageSize: 20,
    rows: [],
    total: 0,
    totalIsLowerBound: false,
    loading: false,
    failed: false,
    departments: [],
  }),
  withComputed((store) => ({
    query: computed(() => complaintQuery(store.filter(), store.sort(), store.page(), store.pageSize())),
    items: computed(() => applyRoundFilter(store.rows(), store.filter().reopenedOnly)),
  })),
  withMethods((store, api = inject(ComplaintsService), lookups = inject(ServiceLookups)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      patchState(store, { loading: true, failed: false });
      try {
        const result = await api.apiComplaintsGet(store.query());
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
      async loadOptions(): Promise<void> {
        patchState(store, { departments: await lookups.departments().catch(() => []) });
      },
      applyFilter(change: Partial<ComplaintFilter>): Promise<void> {
        const filter = { ...store.filter(), ...change };
        // reopened complaints first, so the page shows them
        const sort = change.reopenedOnly ? { field: 'round' as const, descending: true } : store.sort();
        patchState(store, { filter, sort, page: 1 });
        return load();
      },
      resetFilter(): Promise<void> {
        patchState(store, { filter: { ...EMPTY_COMPLAINT_FILTER, view: store.filter().view }, page: 1 });
        return load();
      },
      setSort(sort: ComplaintSort | null): Promise<void> {
        patchState(store, { sort: sort ?? DEFAULT_COMPLAINT_SORT, page: 1 });
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
