import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { TenantsHostService } from '../../../shared/api/generated';
import { Tenant } from '../model/tenant';

export interface TenantDetailState {
  tenant: Tenant | null;
  loading: boolean;
  failed: boolean;
}

/** One tenant with its usage. */
export const TenantDetailStore = signalStore(
  withState<TenantDetailState>({ tenant: null, loading: false, failed: false }),
  withMethods((store, api = inject(TenantsHostService)) => ({
    async load(id: string): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        patchState(store, { tenant: await api.apiHostTenantsIdGet({ id }), loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    },
  })),
);
