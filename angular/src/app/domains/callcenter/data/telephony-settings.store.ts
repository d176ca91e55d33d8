import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { CallCenterService, UsersService } from '../../../shared/api/generated';
import type { AgentExtensionDto, ApiKeyDto, IssuedApiKeyDto, NamedRef } from '../../../shared/api/generated';

interface SettingsState {
  keys: ApiKeyDto[];
  extensions: AgentExtensionDto[];
  users: NamedRef[];
  loading: boolean;
  /** The key just issued: its secret is shown once, until the dialog closes. */
  issued: IssuedApiKeyDto | null;
}

/** Telephony API keys (issue, list, revoke) and the agent-extension map. */
export const TelephonySettingsStore = signalStore(
  withState<SettingsState>({ keys: [], extensions: [], users: [], loading: false, issued: null }),
  withMethods((store, api = inject(CallCenterService), usersApi = inject(UsersService)) => ({
    async load(): Promise<void> {
      patchState(store, { loading: true });
      try {
        const [keys, extensions] = await Promise.all([api.apiTelephonyKeysGet(), api.apiTelephonyExtensionsGet()]);
        patchState(store, { keys, extensions });
      } finally {
        patchState(store, { loading: false });
      }
    },
    async searchUsers(filter: string): Promise<void> {
      patchState(store, { users: await usersApi.apiIdentityUsersLookupGet({ filter: filter || undefined, max: 50 }) });
    },
    async issue(name: string): Promise<void> {
      const issued = await api.apiTelephonyKeysPost({ body: { name } });
      patchState(store, { issued, keys: [{ id: issued.id, name: issued.name, prefix: issued.prefix, createdAt: issued.createdAt, lastUsedAt: null, revokedAt: null }, ...store.keys()] });
    },
    forgetIssued(): void {
      patchState(store, { issued: null });
    },
    async revoke(key: ApiKeyDto): Promise<void> {
      await api.apiTelephonyKeysIdDelete({ id: key.id });
      patchState(store, { keys: await api.apiTelephonyKeysGet() });
    },
    async setExtension(userId: string, extension: string): Promise<void> {
      await api.apiTelephonyExtensionsPut({ body: { userId, extension } });
      patchState(store, { extensions: await api.apiTelephonyExtensionsGet() });
    },
    async removeExtension(row: AgentExtensionDto): Promise<void> {
      await api.apiTelephonyExtensionsIdDelete({ id: row.id });
      patchState(store, { extensions: store.extensions().filter((e) => e.id !== row.id) });
    },
  })),
);
