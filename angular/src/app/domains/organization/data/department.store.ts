import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { DepartmentsService, UsersService } from '../../../shared/api/generated';
import { buildTree, Department, Member, UserOption } from '../model/department';

export interface DepartmentState {
  departments: Department[];
  selectedId: string | null;
  members: Member[];
  users: UserOption[];
  loading: boolean;
  failed: boolean;
  loadingMembers: boolean;
}

/** The org tree, the selected department and its members. */
export const DepartmentStore = signalStore(
  withState<DepartmentState>({ departments: [], selectedId: null, members: [], users: [], loading: false, failed: false, loadingMembers: false }),
  withComputed(({ departments, selectedId }) => ({
    tree: computed(() => buildTree(departments())),
    selected: computed(() => departments().find((d) => d.id === selectedId()) ?? null),
  })),
  withMethods((store, api = inject(DepartmentsService), users = inject(UsersService)) => {
    async function load(): Promise<void> {
      patchState(store, { loading: true, failed: false });
      try {
        const departments = await api.apiDepartmentsGet();
        const selectedId = departments.some((d) => d.id === store.selectedId()) ? store.selectedId() : null;
        patchState(store, { departments, selectedId, loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    async function loadMembers(): Promise<void> {
      const id = store.selectedId();
      if (!id) {
        patchState(store, { members: [] });
        return;
      }
      patchState(store, { loadingMembers: true });
      try {
        const members = await api.apiDepartmentsIdMembersGet({ id });
        if (store.selectedId() === id) patchState(store, { members });
      } finally {
        patchState(store, { loadingMembers: false });
      }
    }
    const refresh = async () => {
      await load();
      await loadMembers();
    };
    return {
      load,
      select(id: string | null): Promise<void> {
        patchState(store, { selectedId: id, members: [] });
        return loadMembers();
      },
      /** Users to add as members, by name (the lookup for pickers; empty without its permission). */
      async searchUsers(text: string): Promise<void> {
        try {
          patchState(store, { users: await users.apiIdentityUsersLookupGet({ filter: text || undefined, max: 50 }) });
        } catch {
          patchState(store, { users: [] });
        }
      },
      async create(name: string, parentId: string | null): Promise<void> {
        await api.apiDepartmentsPost({ body: { name, parentId } });
        await load();
      },
      async rename(department: Department, name: string): Promise<void> {
        await api.apiDepartmentsIdPut({ id: department.id, body: { name, concurrencyStamp: department.concurrencyStamp } });
        await load();
      },
      async move(department: Department, parentId: string | null): Promise<void> {
        await api.apiDepartmentsIdMovePost({ id: department.id, body: { parentId, concurrencyStamp: department.concurrencyStamp } });
        await load();
      },
      async setHead(userId: string | null): Promise<void> {
        const id = store.selectedId();
        if (!id) return;
        await api.apiDepartmentsIdHeadPut({ id, body: { userId } });
        await refresh();
      },
      async addMembers(userIds: string[]): Promise<void> {
        const id = store.selectedId();
        if (!id || userIds.length === 0) return;
        await api.apiDepartmentsIdMembersPost({ id, body: { userIds } });
        await refresh();
      },
      async removeMember(userId: string): Promise<void> {
        const id = store.selectedId();
        if (!id) return;
        await api.apiDepartmentsIdMembersUserIdDelete({ id, userId });
        await refresh();
      },
      async remove(department: Department): Promise<void> {
        await api.apiDepartmentsIdDelete({ id: department.id });
        if (store.selectedId() === department.id) patchState(store, { selectedId: null, members: [] });
        await load();
      },
    };
  }),
);
