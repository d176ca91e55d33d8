import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import {
  ConsultationFilter,
  consultationQuery,
  ConsultationRow,
  ConsultationSort,
  DEFAULT_CONSULTATION_SORT,
  EMPTY_CONSULTATION_FILTER,
} from '../model/consultation';
import { ConsultationApi } from './consultation-api';

interface ConsultationListState {
  filter: ConsultationFilter;
  sort: ConsultationSort;
  page: number;
  pageSize: number;
  rows: ConsultationRow[];
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
}

/** Consultations I may see: views, filters, sort and pages. */
export const ConsultationListStore = signalStore(
  withState<ConsultationListState>({
    filter: EMPTY_CONSULTATION_FILTER,
    sort: DEFAULT_CONSULTATION_SORT,
    page: 1,
    pageSize: 20,
    rows: [],
    total: 0,
    totalIsLowerBound: false,
    loading: false,
    failed: false,
  }),
  withComputed((store) => ({
    query: computed(() => consultationQuery(store.filter(), store.sort(), store.page(), store.pageSize())),
  })),
  withMethods((store, api = inject(ConsultationApi)) => {
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
      applyFilter(change: Partial<ConsultationFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...change }, page: 1 });
        return load();
      },
      resetFilter(): Promise<void> {
        patchState(store, { filter: { ...EMPTY_CONSULTATION_FILTER, view: store.filter().view }, page: 1 });
        return load();
      },
      setSort(sort: ConsultationSort | null): Promise<void> {
        patchState(store, { sort: sort ?? DEFAULT_CONSULTATION_SORT, page: 1 });
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
