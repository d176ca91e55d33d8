import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { DepartmentsService, RolesService, UsersService } from '../../../shared/api/generated';
import { CreateUserRequest, DepartmentOption, Role, User, UserFilter } from '../model/identity';

export interface UserListState {
  items: User[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  filter: UserFilter;
  loading: boolean;
  failed: boolean;
  roles: Role[];
  departments: DepartmentOption[];
}

const initialState: UserListState = {
  items: [],
  total: 0,
  totalIsLowerBound: false,
  page: 1,
  pageSize: 20,
  filter: { text: '', status: 'all', roleId: null, departmentId: null },
  loading: false,
  failed: false,
  roles: [],
  departments: [],
};

/** The tenant admin's user list with its filters, and the actions on a user. */
export const UserListStore = signalStore(
  withState(initialState),
  withMethods((store, users = inject(UsersService), roles = inject(RolesService), departments = inject(DepartmentsService)) => {
    let request = 0;
    async function load(): Promise<void> {
      const mine = ++request;
      const filter = store.filter();
      patchState(store, { loading: true, failed: false });
      try {
        const page = await users.apiIdentityUsersGet({
          filter: filter.text || undefined,
          isActive: filter.status === 'all' ? undefined : filter.status === 'active',
          roleId: filter.roleId ?? undefined,
          departmentId: filter.departmentId ?? undefined,
          page: store.page(),
          pageSize: store.pageSize(),
        });
        if (mine !== request) return;
        patchState(store, { items: page.items, total: Number(page.total), totalIsLowerBound: page.totalIsLowerBound, loading: false });
      } catch (error) {
        if (mine !== request) return;
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    return {
      load,
      /** Roles and departments for the filters and forms; a list the user may not read stays empty. */
      async loadOptions(): Promise<void> {
        const [r, d] = await Promise.allSettled([roles.apiIdentityRolesGet(), departments.apiDepartmentsGet()]);
        patchState(store, {
          roles: r.status === 'fulfilled' ? r.value : [],
          departments: d.status === 'fulfilled' ? d.value : [],
        });
      },
      applyFilter(filter: Partial<UserFilter>): Promise<void> {
        patchState(store, { filter: { ...store.filter(), ...filter, text: (filter.text ?? store.filter().text).trim() }, page: 1 });
        return load();
      },
      changePage(page: number, pageSize: number): Promise<void> {
        patchState(store, { page: pageSize === store.pageSize() ? page : 1, pageSize });
        return load();
      },
      async create(request: CreateUserRequest): Promise<void> {
        await users.apiIdentityUsersPost({ body: request });
        await load();
      },
      async lock(user: User): Promise<void> {
        await users.apiIdentityUsersIdLockPost({ id: user.id });
        await load();
      },
      async unlock(user: User): Promise<void> {
        await users.apiIdentityUsersIdUnlockPost({ id: user.id });
        await load();
      },
      resetPassword(user: User, newPassword: string): Promise<void> {
        return users.apiIdentityUsersIdResetPasswordPost({ id: user.id, body: { newPassword } });
      },
      async remove(user: User): Promise<void> {
        await users.apiIdentityUsersIdDelete({ id: user.id });
        if (store.items().length === 1 && store.page() > 1) patchState(store, { page: store.page() - 1 });
        await load();
      },
    };
  }),
);
