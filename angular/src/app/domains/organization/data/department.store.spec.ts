import { TestBed } from '@angular/core/testing';
import { DepartmentsService, UsersService } from '../../../shared/api/generated';
import { DepartmentStore } from './department.store';

describe('DepartmentStore', () => {
  const sales = { id: 's', name: 'Sales', parentId: null, code: '0001', headUserId: null, headUserName: null, memberCount: 1, concurrencyStamp: 'v1' };

  function setup(api: Record<string, unknown>) {
    TestBed.configureTestingModule({
      providers: [DepartmentStore, { provide: DepartmentsService, useValue: api }, { provide: UsersService, useValue: {} }],
    });
    return TestBed.inject(DepartmentStore);
  }

  it('builds the tree, selects a department and loads its members', async () => {
    const members = [{ userId: 'u1', userName: 'lina', name: 'Li Na', isHead: false }];
    const store = setup({ apiDepartmentsGet: vi.fn().mockResolvedValue([sales]), apiDepartmentsIdMembersGet: vi.fn().mockResolvedValue(members) });
    await store.load();
    expect(store.tree().map((n) => n.title)).toEqual(['Sales']);
    await store.select('s');
    expect(store.selected()?.name).toBe('Sales');
    expect(store.members()).toEqual(members);
  });

  it('moves with the concurrency stamp and reloads', async () => {
    const move = vi.fn().mockResolvedValue(sales);
    const get = vi.fn().mockResolvedValue([sales]);
    const store = setup({ apiDepartmentsGet: get, apiDepartmentsIdMovePost: move });
    await store.load();
    await store.move(sales, 'x');
    expect(move).toHaveBeenCalledWith({ id: 's', body: { parentId: 'x', concurrencyStamp: 'v1' } });
    expect(get).toHaveBeenCalledTimes(2);
  });
});
