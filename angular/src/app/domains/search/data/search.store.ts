import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { SearchService } from '../../../shared/api/generated';
import type { SearchGroupDto } from '../../../shared/api/generated';
import { nonEmpty } from '../model/search';

interface SearchState {
  query: string;
  groups: SearchGroupDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
}

/** Global search: the latest answer wins (typing fires several requests; older answers are dropped). */
export const SearchStore = signalStore(
  withState<SearchState>({ query: '', groups: [], total: 0, page: 1, pageSize: 5, loading: false }),
  withComputed((store) => ({
    shown: computed(() => nonEmpty(store.groups())),
  })),
  withMethods((store, api = inject(SearchService)) => {
    let request = 0;
    return {
      async search(query: string, page = 1, pageSize = store.pageSize(), types?: string): Promise<void> {
        const mine = ++request;
        const q = query.trim();
        patchState(store, { query: q, page, pageSize });
        if (!q) {
          patchState(store, { groups: [], total: 0, loading: false });
          return;
        }
        patchState(store, { loading: true });
        try {
          const r = await api.apiSearchGet({ q, page, pageSize, types });
          if (mine !== request) return;
          patchState(store, { groups: r.groups, total: Number(r.total), loading: false });
        } catch (e) {
          if (mine === request) patchState(store, { loading: false, groups: [] });
          throw e;
        }
      },
      /** Another page of one group; the other groups stay as they are. */
      async pageGroup(type: string, page: number): Promise<void> {
        const r = await api.apiSearchGet({ q: store.query(), page, pageSize: store.pageSize(), types: type });
        const fresh = r.groups.find((g) => g.type === type);
        if (fresh) patchState(store, { groups: store.groups().map((g) => (g.type === type ? fresh : g)) });
      },
      clear(): void {
        ++request;
        patchState(store, { query: '', groups: [], total: 0, loading: false });
      },
    };
  }),
);
