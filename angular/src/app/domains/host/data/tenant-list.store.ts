import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { EditionsHostService, TenantsHostService } from '../../../shared/api/generated';
import { Edition } from '../model/edition';
import { CreateTenantRequest, isActiveFilter, Tenant, TenantStatusFilter } from '../model/tenant';

export interface TenantListState {
  items: Tenant[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  filter: string;
  status: TenantStatusFilter;
  loading: boolean;
  failed: boolean;
  editions: Edition[];
}

const initialState: TenantListState = {
  items: [],
  total: 0,
  totalIsLowerBound: false,
  page: 1,
  pageSize: 20,
  filter: '',
  status: 'all',
  loading: false,
  failed: false,
  editions: [],
};

/** The operator's tenant list: search, status filter, paging, and the actions on a tenant. */
export const TenantListStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(TenantsHostService), editions = inject(EditionsHostService)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      patchState(store, { loading: true, failed: false });
      try {
        const page = await api.apiHostTenantsGet({
          filter: store.filter() || undefined,
          isActive: isActiveFilter(store.status()),
          page: store.page(),
          pageSize: store.pageSize(),
        });
        if (mine !== request) return;
        patchState(store, {
          items: page.items,
          total: Number(page.total),
          totalIsLowerBound: page.totalIsLowerBound,
          loading: false,
        });
      } catch (error) {
        if (mine !== request) return;
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    return {
      load,
      /** Editions to choose from when creating a tenant (empty without the editions permission). */
      async loadEditions(): Promise<void> {
        patchState(store, { editions: await editions.apiHostEditionsGet().catch(() => []) });
      },
      search(filter: string): Promise<void> {
        patchState(store, { filter: filter.trim(), page: 1 });
        return load();
      },
      filterStatus(status: TenantStatusFilter): Promise<void> {
        patchState(store, { status, page: 1 });
        return load();
      },
      changePage(page: number, pageSize: number): Promise<void> {
        patchState(store, { page: pageSize === store.pageSize() ? page : 1, pageSize });
        return load();
      },
      async create(request: CreateTenantRequest): Promise<void> {
        await api.apiHostTenantsPost({ body: request });
        await load();
      },
      async rename(tenant: Tenant, displayName: string): Promise<void> {
        await api.apiHostTenantsIdPut({ id: tenant.id, body: { displayName, concurrencyStamp: tenant.concurrencyStamp } });
        await load();
      },
      async suspend(tenant: Tenant, reason: string): Promise<void> {
        await api.apiHostTenantsIdSuspendPost({ id: tenant.id, body: { reason } });
        await load();
      },
      async resume(tenant: Tenant): Promise<void> {
        await api.apiHostTenantsIdResumePost({ id: tenant.id });
        await load();
      },
      async remove(tenant: Tenant, confirmName: string): Promise<void> {
        await api.apiHostTenantsIdDelete({ id: tenant.id, confirmName });
        if (store.items().length === 1 && store.page() > 1) patchState(store, { page: store.page() - 1 });
        await load();
      },
    };
  }),
);
