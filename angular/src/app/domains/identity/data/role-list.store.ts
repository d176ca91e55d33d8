import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { RolesService } from '../../../shared/api/generated';
import { CreateRoleRequest, Role } from '../model/identity';

export interface RoleListState {
  items: Role[];
  loading: boolean;
  failed: boolean;
}

export const RoleListStore = signalStore(
  withState<RoleListState>({ items: [], loading: false, failed: false }),
  withMethods((store, api = inject(RolesService)) => {
    async function load(): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        patchState(store, { items: await api.apiIdentityRolesGet(), loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    return {
      load,
      /** Creates the role and returns its id (read back by name: the create answer is not typed in the API document). */
      async create(request: CreateRoleRequest): Promise<string | null> {
        const response = await api.apiIdentityRolesPost$Response({ body: request });
        await load();
        const body = response.body as unknown as Partial<Role> | null;
        return body?.id ?? store.items().find((r) => r.name === request.name)?.id ?? null;
      },
      async remove(role: Role): Promise<void> {
        await api.apiIdentityRolesIdDelete({ id: role.id });
        await load();
      },
    };
  }),
);
