import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import {
  CustomersService,
  CustomFieldsService,
  DepartmentsService,
  SavedViewsService,
  UsersService,
} from '../../../shared/api/generated';
import type { CustomFieldDto, NamedRef } from '../../../shared/api/generated';
import {
  CUSTOMER_RECORD_TYPE,
  CustomerFilter,
  CustomerRow,
  CustomerSort,
  DEFAULT_COLUMNS,
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterToQuery,
  queryToFilter,
  SavedView,
} from '../model/customer';
import { CustomerListApi } from './customer-list-api';

export interface CustomerListState {
  filter: CustomerFilter;
  sort: CustomerSort;
  columns: string[];
  pageSize: number;
  /** Cursors of the pages opened so far: [null (first page), cursor of page 2, …]; the last one is shown. */
  cursors: (string | null)[];
  items: CustomerRow[];
  nextCursor: string | null;
  total: number;
  totalIsLowerBound: boolean;
  loading: boolean;
  failed: boolean;
  selected: string[];
  views: SavedView[];
  activeViewId: string | null;
  /** Saved views answered (false while the endpoint is missing: the view menu is then hidden). */
  viewsAvailable: boolean;
  customFields: CustomFieldDto[];
  users: NamedRef[];
  departments: NamedRef[];
}

const initialState: CustomerListState = {
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  columns: [...DEFAULT_COLUMNS],
  pageSize: 20,
  cursors: [null],
  items: [],
  nextCursor: null,
  total: 0,
  totalIsLowerBound: false,
  loading: false,
  failed: false,
  selected: [],
  views: [],
  activeViewId: null,
  viewsAvailable: false,
  customFields: [],
  users: [],
  departments: [],
};

/** The customer list: scope, filters, sort, keyset pages, columns, selection, saved views and bulk actions. */
export const CustomerListStore = signalStore(
  withState(initialState),
  withComputed((store) => ({
    query: computed(() => filterToQuery(store.filter(), store.sort())),
    page: computed(() => store.cursors().length),
    hasPrevious: computed(() => store.cursors().length > 1),
    hasNext: computed(() => store.nextCursor() !== null),
    activeView: computed(() => store.views().find((v) => v.id === store.activeViewId()) ?? null),
  })),
  withMethods(
    (
      store,
      api = inject(CustomerListApi),
      savedViews = inject(SavedViewsService),
      customers = inject(CustomersService),
      fields = inject(CustomFieldsService),
      users = inject(UsersService),
      departments = inject(DepartmentsService),
    ) => {
      let request = 0;
      async function load(): Promise<void> {
        const mine = ++request;
        const cursors = store.cursors();
        patchState(store, { loading: true, failed: false });
        try {
          const page = await api.list(store.query(), cursors[cursors.length - 1], store.pageSize());
          if (mine !== request) return;
          patchState(store, {
            items: page.items,
            nextCursor: page.nextCursor,
            // Later pages carry no count: the first page's count stays.
            ...(page.total == null ? {} : { total: Number(page.total), totalIsLowerBound: page.totalIsLowerBound }),
            loading: false,
          });
        } catch (error) {
          if (mine !== request) return;
          patchState(store, { loading: false, failed: true, items: [] });
          throw error;
        }
      }
      /** A new query starts again at page one and forgets the selection. */
      function restart(): Promise<void> {
        patchState(store, { cursors: [null], selected: [] });
        return load();
      }
      function applyView(view: SavedView | null): Promise<void> {
        if (!view) {
          patchState(store, { filter: EMPTY_FILTER, sort: DEFAULT_SORT, columns: [...DEFAULT_COLUMNS], activeViewId: null });
        } else {
          const { filter, sort } = queryToFilter(view.query);
          patchState(store, {
            filter,
            sort,
            columns: view.columns.length ? [...view.columns] : [...DEFAULT_COLUMNS],
            activeViewId: view.id,
          });
        }
        return restart();
      }
      async function loadViews(): Promise<void> {
        try {
          const views = await savedViews.apiSavedViewsGet({ recordType: CUSTOMER_RECORD_TYPE });
          patchState(store, { views, viewsAvailable: true });
        } catch {
          patchState(store, { views: [], viewsAvailable: false });
        }
      }
      return {
        load,
        loadViews,
        applyView,
        /** Options of the filters and columns; a list the user may not read stays empty. */
        async loadOptions(): Promise<void> {
          const [f, u, d] = await Promise.allSettled([
            fields.apiCustomFieldsGet({ entityType: CUSTOMER_RECORD_TYPE }),
            users.apiIdentityUsersLookupGet({ max: 200 }),
            departments.apiDepartmentsGet(),
          ]);
          patchState(store, {
            customFields: f.status === 'fulfilled' ? f.value.filter((x) => !x.isHidden) : [],
            users: u.status === 'fulfilled' ? u.value : [],
            departments: d.status === 'fulfilled' ? d.value.map((x) => ({ id: x.id, name: x.name })) : [],
          });
        },
        /** Saved views first, then the default view (or the plain list). */
        async init(): Promise<void> {
          await loadViews();
          await applyView(store.views().find((v) => v.isDefault) ?? null);
        },
        applyFilter(change: Partial<CustomerFilter>): Promise<void> {
          patchState(store, { filter: { ...store.filter(), ...change } });
          return restart();
        },
        resetFilter(): Promise<void> {
          patchState(store, { filter: { ...EMPTY_FILTER, scope: store.filter().scope } });
          return restart();
        },
        setSort(sort: CustomerSort | null): Promise<void> {
          patchState(store, { sort: sort || DEFAULT_SORT });
          return restart();
        },
        setPageSize(pageSize: number): Promise<void> {
          patchState(store, { pageSize });
          return restart();
        },
        next(): Promise<void> {
          const cursor = store.nextCursor();
          if (!cursor) return Promise.resolve();
          patchState(store, { cursors: [...store.cursors(), cursor] });
          return load();
        },
        previous(): Promise<void> {
          if (store.cursors().length <= 1) return Promise.resolve();
          patchState(store, { cursors: store.cursors().slice(0, -1) });
          return load();
        },
        setColumns(columns: string[]): void {
          patchState(store, { columns });
        },
        toggle(id: string, checked: boolean): void {
          const selected = store.selected().filter((x) => x !== id);
          patchState(store, { selected: checked ? [...selected, id] : selected });
        },
        toggleAll(checked: boolean): void {
          patchState(store, { selected: checked ? store.items().map((c) => c.id) : [] });
        },
        clearSelection(): void {
          patchState(store, { selected: [] });
        },
        /** Saves the current filters, sort and columns as a view of mine (a new one, or over the active one). */
        async saveView(name: string, isDefault: boolean, overwrite: boolean): Promise<SavedView> {
          const body = { recordType: CUSTOMER_RECORD_TYPE, name, query: store.query(), columns: store.columns(), isDefault };
          const active = store.activeViewId();
          const current = store.views().find((v) => v.id === active);
          const saved =
            overwrite && active
              ? await savedViews.apiSavedViewsIdPut({ id: active, body: { ...body, concurrencyStamp: current?.concurrencyStamp ?? null } })
              : await savedViews.apiSavedViewsPost({ body });
          await loadViews();
          patchState(store, { activeViewId: saved.id });
          return saved;
        },
        async setDefaultView(view: SavedView): Promise<void> {
          const body = { recordType: view.recordType, name: view.name, query: view.query, columns: view.columns, isDefault: true, concurrencyStamp: view.concurrencyStamp };
          await savedViews.apiSavedViewsIdPut({ id: view.id, body });
          await loadViews();
        },
        async deleteView(view: SavedView): Promise<void> {
          await savedViews.apiSavedViewsIdDelete({ id: view.id });
          if (store.activeViewId() === view.id) patchState(store, { activeViewId: null });
          await loadViews();
        },
        async bulkAssign(ownerId: string, reason: string | null): Promise<{ updated: number; skipped: number }> {
          const result = await customers.apiCustomersBulkAssignPost({ body: { customerIds: store.selected(), ownerId, reason } });
          await restart();
          return { updated: Number(result.updated), skipped: result.skipped.length };
        },
        async bulkTags(add: string[], remove: string[]): Promise<{ updated: number; skipped: number }> {
          const result = await customers.apiCustomersBulkTagsPost({ body: { customerIds: store.selected(), add, remove } });
          await load();
          return { updated: Number(result.updated), skipped: result.skipped.length };
        },
      };
    },
  ),
);
