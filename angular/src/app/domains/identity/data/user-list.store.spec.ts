import { TestBed } from '@angular/core/testing';
import { DepartmentsService, RolesService, UsersService } from '../../../shared/api/generated';
import { UserListStore } from './user-list.store';

describe('UserListStore', () => {
  function setup(users: Record<string, unknown>, roles: unknown = vi.fn().mockResolvedValue([]), departments: unknown = vi.fn().mockResolvedValue([])) {
    TestBed.configureTestingModule({
      providers: [
        UserListStore,
        { provide: UsersService, useValue: users },
        { provide: RolesService, useValue: { apiIdentityRolesGet: roles } },
        { provide: DepartmentsService, useValue: { apiDepartmentsGet: departments } },
      ],
    });
    return TestBed.inject(UserListStore);
  }

  it('filters by text, status, role and department', async () => {
    const get = vi.fn().mockResolvedValue({ items: [], total: 0, totalIsLowerBound: false, page: 1, pageSize: 20 });
    const store = setup({ apiIdentityUsersGet: get });
    await store.applyFilter({ text: ' li ', status: 'inactive', roleId: 'r1' });
    await store.applyFilter({ departmentId: 'd1' });
    expect(get).toHaveBeenLastCalledWith({ filter: 'li', isActive: false, roleId: 'r1', departmentId: 'd1', page: 1, pageSize: 20 });
  });

  it('keeps working when the roles or departments may not be read', async () => {
    const store = setup({}, vi.fn().mockRejectedValue(new Error('403')), vi.fn().mockResolvedValue([{ id: 'd1', name: 'Sales' }]));
    await store.loadOptions();
    expect(store.roles()).toEqual([]);
    expect(store.departments().map((d) => d.name)).toEqual(['Sales']);
  });
});
