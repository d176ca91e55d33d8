import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { EditionsHostService, TenantsHostService } from '../../../shared/api/generated';
import { Edition } from '../model/edition';
import { Tenant } from '../model/tenant';

export interface TenantDetailState {
  tenant: Tenant | null;
  edition: Edition | null;
  loading: boolean;
  failed: boolean;
}

/** One tenant with its usage. */
export const TenantDetailStore = signalStore(
  withState<TenantDetailState>({ tenant: null, edition: null, loading: false, failed: false }),
  withMethods((store, api = inject(TenantsHostService), editions = inject(EditionsHostService)) => ({
    async load(id: string): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        const tenant = await api.apiHostTenantsIdGet({ id });
        const edition = tenant.editionId ? await editions.apiHostEditionsIdGet({ id: tenant.editionId }).catch(() => null) : null;
        patchState(store, { tenant, edition, loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    },
  })),
);
