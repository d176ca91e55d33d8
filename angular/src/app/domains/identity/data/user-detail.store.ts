import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { DepartmentsService, RolesService, UsersService } from '../../../shared/api/generated';
import { DepartmentOption, Role, UpdateUserRequest, User } from '../model/identity';

export interface UserDetailState {
  user: User | null;
  loading: boolean;
  failed: boolean;
  roles: Role[];
  departments: DepartmentOption[];
}

/** One user, edited with its concurrency stamp (a stale save answers 409). */
export const UserDetailStore = signalStore(
  withState<UserDetailState>({ user: null, loading: false, failed: false, roles: [], departments: [] }),
  withMethods((store, users = inject(UsersService), roles = inject(RolesService), departments = inject(DepartmentsService)) => ({
    async load(id: string): Promise<void> {
      patchState(store, { loading: true, failed: false });
      const [user, r, d] = await Promise.allSettled([users.apiIdentityUsersIdGet({ id }), roles.apiIdentityRolesGet(), departments.apiDepartmentsGet()]);
      patchState(store, {
        roles: r.status === 'fulfilled' ? r.value : [],
        departments: d.status === 'fulfilled' ? d.value : [],
        loading: false,
      });
      if (user.status === 'rejected') {
        patchState(store, { failed: true, user: null });
        throw user.reason;
      }
      patchState(store, { user: user.value });
    },
    async save(changes: Omit<UpdateUserRequest, 'concurrencyStamp'>): Promise<void> {
      const user = store.user();
      if (!user) return;
      const saved = await users.apiIdentityUsersIdPut({ id: user.id, body: { ...changes, concurrencyStamp: user.concurrencyStamp ?? '' } });
      patchState(store, { user: saved });
    },
    async lock(): Promise<void> {
      const user = store.user();
      if (!user) return;
      await users.apiIdentityUsersIdLockPost({ id: user.id });
      patchState(store, { user: await users.apiIdentityUsersIdGet({ id: user.id }) });
    },
    async unlock(): Promise<void> {
      const user = store.user();
      if (!user) return;
      await users.apiIdentityUsersIdUnlockPost({ id: user.id });
      patchState(store, { user: await users.apiIdentityUsersIdGet({ id: user.id }) });
    },
    async resetPassword(newPassword: string): Promise<void> {
      const user = store.user();
      if (user) await users.apiIdentityUsersIdResetPasswordPost({ id: user.id, body: { newPassword } });
    },
  })),
);
