import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { PermissionsService, RolesService } from '../../../shared/api/generated';
import { DataScope, Role } from '../model/identity';
import { PermissionGroupRows, toggleGroup, togglePermission, toGroupRows } from '../model/permission-tree';

export interface RoleEditorState {
  role: Role | null;
  groups: PermissionGroupRows[];
  granted: string[];
  saved: string[];
  loading: boolean;
  failed: boolean;
}

/** A role's name, data scope and permission grants. */
export const RoleEditorStore = signalStore(
  withState<RoleEditorState>({ role: null, groups: [], granted: [], saved: [], loading: false, failed: false }),
  withComputed(({ granted, saved }) => ({
    grantedSet: computed(() => new Set(granted())),
    dirty: computed(() => granted().length !== saved().length || granted().some((p) => !saved().includes(p))),
  })),
  withMethods((store, roles = inject(RolesService), permissions = inject(PermissionsService)) => ({
    async load(id: string): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        const [role, definitions, grants] = await Promise.all([
          roles.apiIdentityRolesIdGet({ id }),
          permissions.apiPermissionsDefinitionsGet(),
          roles.apiIdentityRolesIdPermissionsGet({ id }),
        ]);
        const granted = [...grants].sort();
        patchState(store, { role, groups: toGroupRows(definitions), granted, saved: granted, loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    },
    toggle(name: string, on: boolean): void {
      patchState(store, { granted: [...togglePermission(store.groups(), store.grantedSet(), name, on)].sort() });
    },
    toggleGroup(groupName: string, on: boolean): void {
      const group = store.groups().find((g) => g.name === groupName);
      if (group) patchState(store, { granted: [...toggleGroup(group, store.grantedSet(), on)].sort() });
    },
    async saveRole(name: string, dataScope: DataScope): Promise<void> {
      const role = store.role();
      if (!role) return;
      const saved = await roles.apiIdentityRolesIdPut({ id: role.id, body: { name, dataScope, concurrencyStamp: role.concurrencyStamp ?? '' } });
      patchState(store, { role: saved });
    },
    async savePermissions(): Promise<void> {
      const role = store.role();
      if (!role) return;
      const list = store.granted();
      await roles.apiIdentityRolesIdPermissionsPut({ id: role.id, body: { permissions: list } });
      patchState(store, { saved: list });
    },
  })),
);
