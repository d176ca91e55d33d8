import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { TicketsService } from '../../../shared/api/generated';
import type { NamedRef } from '../../../shared/api/generated';
import {
  DEFAULT_TICKET_SORT,
  EMPTY_TICKET_FILTER,
  TicketFilter,
  ticketQuery,
  TicketRow,
  TicketSort,
  TicketView,
} from '../model/ticket';
import { ServiceLookups } from './service-lookups';

export interface TicketListState {
  view: TicketView;
  filter: TicketFilter;
  sort: TicketSort;
  page: number;
  pageSize: number;
  items: TicketRow[];
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
  users: NamedRef[];
  departments: NamedRef[];
  /** ticket being grabbed (its button spins) */
  grabbing: string | null;
}

const initialState: TicketListState = {
  view: 'all',
  filter: EMPTY_TICKET_FILTER,
  sort: DEFAULT_TICKET_SORT,
  page: 1,
  pageSize: 20,
  items: [],
  total: 0,
  totalIsLowerBound: false,
  loading: false,
  failed: false,
  users: [],
  departments: [],
  grabbing: null,
};

/** One of the ticket lists (mine, team queue, all): filters, sort, pages and the grab from the queue. */
export const TicketListStore = signalStore(
  withState(initialState),
  withComputed((store) => ({
    query: computed(() => ticketQuery(store.view(), store.filter(), store.sort(), store.page(), store.pageSize())),
  })),
  withMethods((store, api = inject(TicketsService), lookups = inject(ServiceLookups)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      patchState(store, { loading: true, failed: false });
      try {
        const result = await api.apiTicketsGet(store.query());
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
      init(view: TicketView): Promise<void> {
        patchState(store, { view, filter: EMPTY_TICKET_FILTER, sort: DEFAULT_TICKET_SORT, page: 1 });
        return load();
      },
      async loadOptions(): Promise<void> {
        const [u, d] = await Promise.allSettled([lookups.users(), lookups.departments()]);
        patchState(store, {
          users: u.status === 'fulfilled' ? u.value : [],
          departments: d.status === 'fulfilled' ? d.value : [],
        });
      },
      applyFilter(change: Partial<TicketFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...change }, page: 1 });
        return load();
      },
      resetFilter(): Promise<void> {
        patchState(store, { filter: EMPTY_TICKET_FILTER, page: 1 });
        return load();
      },
      setSort(sort: TicketSort | null): Promise<void> {
        patchState(store, { sort: sort ?? DEFAULT_TICKET_SORT, page: 1 });
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
      /** Takes a queue ticket; win or lose, the queue is read again (a lost race removes the ticket). */
      async grab(id: string): Promise<void> {
        patchState(store, { grabbing: id });
        try {
          await api.apiTicketsIdGrabPost({ id });
        } finally {
          patchState(store, { grabbing: null });
          await load().catch(() => undefined);
        }
      },
    };
  }),
);
