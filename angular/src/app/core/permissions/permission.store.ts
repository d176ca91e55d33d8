import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { AccountService, MyPermissionsResponse, PermissionsService, ProfileDto } from '../../shared/api/generated';

interface PermissionState {
  me: MyPermissionsResponse | null;
  /** name, tenant display name and UI language of the signed-in user (GET /api/account/me) */
  profile: ProfileDto | null;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
}

/** The signed-in user, their tenant and granted permissions (GET /api/permissions/mine); the menu and route guards read it. */
export const PermissionStore = signalStore(
  { providedIn: 'root' },
  withState<PermissionState>({ me: null, profile: null, status: 'idle' }),
  withComputed(({ me, profile }) => {
    const granted = computed(() => new Set(me()?.permissions ?? []));
    return {
      granted,
      userName: computed(() => profile()?.name || me()?.userName || ''),
      /** the tenant's display name for the header (its login name when the profile is not there) */
      tenantDisplayName: computed(() => profile()?.tenantDisplayName ?? me()?.tenantName ?? null),
      /** the UI language the user chose last, if any */
      preferredLanguage: computed(() => profile()?.language ?? null),
      tenantName: computed(() => me()?.tenantName ?? null),
      isHost: computed(() => (me() ? me()!.tenantId === null : false)),
    };
  }),
  withMethods((store, api = inject(PermissionsService), account = inject(AccountService)) => {
    let loading: Promise<boolean> | null = null;
    const load = (): Promise<boolean> => {
      loading ??= (async () => {
        patchState(store, { status: 'loading' });
        try {
          const [me, profile] = await Promise.all([api.apiPermissionsMineGet(), account.apiAccountMeGet().catch(() => null)]);
          patchState(store, { me, profile, status: 'loaded' });
          return true;
        } catch {
          patchState(store, { me: null, profile: null, status: 'failed' });
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
      reset: () => patchState(store, { me: null, profile: null, status: 'idle' }),
      /** Remembers the UI language for the user on the server (so it follows them to another browser). */
      async saveLanguage(language: string): Promise<void> {
        if (!store.me() || store.profile()?.language === language) return;
        try {
          patchState(store, { profile: await account.apiAccountMePreferencesPut({ body: { language } }) });
        } catch {
          // the choice is still remembered in this browser
        }
      },
    };
  }),
);
