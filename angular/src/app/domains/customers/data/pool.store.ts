import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { CustomerPoolsService } from '../../../shared/api/generated';
import type { MyPoolDto, PoolCustomerDto } from '../../../shared/api/generated';

export interface PoolFilter {
  name: string;
  levelCode: string | null;
  sort: string;
}

interface PoolState {
  pools: MyPoolDto[];
  poolId: string | null;
  items: PoolCustomerDto[];
  total: number;
  page: number;
  pageSize: number;
  filter: PoolFilter;
  loading: boolean;
  claiming: string | null;
}

const initial: PoolState = {
  pools: [],
  poolId: null,
  items: [],
  total: 0,
  page: 1,
  pageSize: 20,
  filter: { name: '', levelCode: null, sort: '-pooledAt' },
  loading: false,
  claiming: null,
};

/** The public pools I may use: my standing against each pool's limits, its customers (paged, filtered) and claiming. */
export const PoolStore = signalStore(
  withState(initial),
  withComputed((store) => ({
    pool: computed(() => store.pools().find((p) => p.id === store.poolId()) ?? null),
  })),
  withMethods((store, api = inject(CustomerPoolsService)) => {
    async function loadCustomers(): Promise<void> {
      const id = store.poolId();
      if (!id) return;
      patchState(store, { loading: true });
      try {
        const f = store.filter();
        const page = await api.apiCustomerPoolsIdCustomersGet({
          id,
          Name: f.name || undefined,
          LevelCode: f.levelCode ?? undefined,
          Sort: f.sort,
          Page: store.page(),
          PageSize: store.pageSize(),
        });
        patchState(store, { items: page.items, total: Number(page.total) });
      } finally {
        patchState(store, { loading: false });
      }
    }
    async function loadPools(): Promise<void> {
      const pools = await api.apiCustomerPoolsMineGet();
      const keep = pools.some((p) => p.id === store.poolId());
      patchState(store, { pools, poolId: keep ? store.poolId() : (pools[0]?.id ?? null) });
    }
    return {
      loadPools,
      loadCustomers,
      async init(): Promise<void> {
        await loadPools();
        await loadCustomers();
      },
      select(poolId: string): Promise<void> {
        patchState(store, { poolId, page: 1 });
        return loadCustomers();
      },
      applyFilter(change: Partial<PoolFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...change }, page: 1 });
        return loadCustomers();
      },
      setPage(page: number, pageSize: number): Promise<void> {
        patchState(store, { page, pageSize });
        return loadCustomers();
      },
      /** Claims a customer; the pool's standing and list are read again either way (someone may have been faster). */
      async claim(customerId: string): Promise<void> {
        patchState(store, { claiming: customerId });
        try {
          await api.apiCustomerPoolsCustomersCustomerIdClaimPost({ customerId });
        } finally {
          patchState(store, { claiming: null });
          await Promise.allSettled([loadPools(), loadCustomers()]);
        }
      },
    };
  }),
);
