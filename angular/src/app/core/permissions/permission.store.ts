import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { MyPermissionsResponse } from '../../shared/api/generated';
import { PermissionsService } from '../../shared/api/generated';

interface PermissionState {
  me: MyPermissionsResponse | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
}

/** The signed-in user, their tenant and granted permissions (GET /api/permissions/mine); the menu and route guards read it. */
export const PermissionStore = signalStore(
  { providedIn: 'root' },
  withState<PermissionState>({ me: null, status: 'idle' }),
  withComputed(({ me }) => {
    const granted = computed(() => new Set(me()?.permissions ?? []));
    return {
      granted,
      userName: computed(() => me()?.userName ?? ''),
      tenantName: computed(() => me()?.tenantName ?? null),
      isHost: computed(() => (me() ? me()!.tenantId === null : false)),
    };
  }),
  withMethods((store, api = inject(PermissionsService)) => {
    let loading: Promise<boolean> | null = null;
    const load = (): Promise<boolean> => {
      loading ??= (async () => {
        patchState(store, { status: 'loading' });
        try {
          const me = await api.apiPermissionsMineGet();
          patchState(store, { me, status: 'loaded' });
          return true;
        } catch {
          patchState(store, { me: null, status: 'failed' });
          return false;
        } finally {
          loading = null;
        }
      })();
      return loading;
    };
    return {
      load,
      /** Loads once; later calls reuse the result. */
      ensureLoaded: (): Promise<boolean> => (store.status() === 'loaded' ? Promise.resolve(true) : load()),
      has: (permission: string | readonly string[] | undefined): boolean => {
        if (!permission) return true;
        const wanted = typeof permission === 'string' ? [permission] : permission;
        return wanted.some((p) => store.granted().has(p));
      },
      reset: () => patchState(store, { me: null, status: 'idle' }),
    };
  }),
);
