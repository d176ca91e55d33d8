import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { EditionsHostService } from '../../../shared/api/generated';
import { Edition, SaveEditionRequest } from '../model/edition';

export interface EditionState {
  items: Edition[];
  modules: string[];
  loading: boolean;
  failed: boolean;
}

/** Editions (plans) the operator sells: user and customer limits, enabled modules. */
export const EditionStore = signalStore(
  withState<EditionState>({ items: [], modules: [], loading: false, failed: false }),
  withMethods((store, api = inject(EditionsHostService)) => {
    async function load(): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        const [items, modules] = await Promise.all([api.apiHostEditionsGet(), api.apiHostEditionsModulesGet()]);
        patchState(store, { items, modules: modules.map((m) => m.name), loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    return {
      load,
      async save(edition: Edition | null, request: SaveEditionRequest): Promise<void> {
        if (edition) await api.apiHostEditionsIdPut({ id: edition.id, body: { ...request, concurrencyStamp: edition.concurrencyStamp } });
        else await api.apiHostEditionsPost({ body: request });
        await load();
      },
      async remove(edition: Edition): Promise<void> {
        await api.apiHostEditionsIdDelete({ id: edition.id });
        await load();
      },
    };
  }),
);
