import { TestBed } from '@angular/core/testing';
import { CustomersService, CustomFieldsService, DepartmentsService, SavedViewsService, UsersService } from '../../../shared/api/generated';
import { SavedView } from '../model/customer';
import { CustomerListApi } from './customer-list-api';
import { CustomerListStore } from './customer-list.store';

describe('CustomerListStore', () => {
  const page = (items: { id: string }[], nextCursor: string | null, total: number | null = 2, totalIsLowerBound = false) => ({ items, nextCursor, total, totalIsLowerBound });

  /** The list call and the saved-view calls the store makes (views answer none unless given). */
  interface Calls {
    list: unknown;
    views?: unknown;
    createView?: unknown;
  }

  function setup({ list, views = vi.fn().mockResolvedValue([]), createView }: Calls, customers: Record<string, unknown> = {}) {
    TestBed.configureTestingModule({
      providers: [
        CustomerListStore,
        { provide: CustomerListApi, useValue: { list } },
        { provide: SavedViewsService, useValue: { apiSavedViewsGet: views, apiSavedViewsPost: createView } },
        { provide: CustomersService, useValue: customers },
        { provide: CustomFieldsService, useValue: { apiCustomFieldsGet: vi.fn().mockResolvedValue([]) } },
        { provide: UsersService, useValue: { apiIdentityUsersLookupGet: vi.fn().mockResolvedValue([]) } },
        { provide: DepartmentsService, useValue: { apiDepartmentsGet: vi.fn().mockRejectedValue(new Error('403')) } },
      ],
    });
    return TestBed.inject(CustomerListStore);
  }

  it('opens the default saved view: its filters, sort and columns', async () => {
    const list = vi.fn().mockResolvedValue(page([], null));
    const view: SavedView = { id: 'v1', recordType: 'customer', name: 'Key accounts', query: 'scope=mine&level=a&sort=name', columns: ['level', 'cf.budget'], isDefault: true, concurrencyStamp: 's1' };
    const store = setup({ list, views: vi.fn().mockResolvedValue([{ ...view, id: 'v0', isDefault: false }, view]) });
    await store.init();
    expect(store.activeViewId()).toBe('v1');
    expect(store.filter().scope).toBe('mine');
    expect(store.filter().level).toEqual(['a']);
    expect(store.sort()).toBe('name');
    expect(store.columns()).toEqual(['level', 'cf.budget']);
    expect(list).toHaveBeenLastCalledWith('scope=mine&level=a&sort=name', null, 20);
  });

  it('still lists customers when saved views are not available', async () => {
    const list = vi.fn().mockResolvedValue(page([{ id: 'c1' }], null));
    const store = setup({ list, views: vi.fn().mockRejectedValue(new Error('404')) });
    await store.init();
    expect(store.viewsAvailable()).toBe(false);
    expect(store.items().length).toBe(1);
  });

  it('pages forward and back with keyset cursors and keeps the capped count', async () => {
    const list = vi
      .fn()
      .mockResolvedValueOnce(page([{ id: 'a' }], 'c2', 10000, true))
      .mockResolvedValueOnce(page([{ id: 'b' }], null, null, false))
      .mockResolvedValueOnce(page([{ id: 'a' }], 'c2', 10000, true));
    const store = setup({ list });
    await store.load();
    expect(store.totalIsLowerBound()).toBe(true);
    await store.next();
    expect(store.total()).toBe(10000); // later pages carry no count
    expect(store.totalIsLowerBound()).toBe(true);
    expect(list).toHaveBeenLastCalledWith('', 'c2', 20);
    expect(store.page()).toBe(2);
    expect(store.hasNext()).toBe(false);
    await store.previous();
    expect(list).toHaveBeenLastCalledWith('', null, 20);
    expect(store.page()).toBe(1);
  });

  it('a new filter starts at page one and forgets the selection', async () => {
    const list = vi.fn().mockResolvedValue(page([{ id: 'a' }, { id: 'b' }], 'next'));
    const store = setup({ list });
    await store.load();
    await store.next();
    store.toggleAll(true);
    expect(store.selected()).toEqual(['a', 'b']);
    await store.applyFilter({ name: 'acme', tag: ['vip'] });
    expect(store.selected()).toEqual([]);
    expect(list).toHaveBeenLastCalledWith('name=acme&tag=vip', null, 20);
  });

  it('saves the current filters and columns as a view and bulk-assigns the selection', async () => {
    const list = vi.fn().mockResolvedValue(page([{ id: 'a' }, { id: 'b' }], null));
    const createView = vi.fn().mockResolvedValue({ id: 'v9' });
    const bulk = vi.fn().mockResolvedValue({ updated: 1, skipped: ['b'] });
    const store = setup({ list, createView }, { apiCustomersBulkAssignPost: bulk });
    await store.applyFilter({ scope: 'mine' });
    store.setColumns(['owner']);
    await store.saveView('Mine', true, false);
    expect(createView).toHaveBeenCalledWith({ body: { recordType: 'customer', name: 'Mine', query: 'scope=mine', columns: ['owner'], isDefault: true } });
    expect(store.activeViewId()).toBe('v9');
    store.toggle('a', true);
    store.toggle('b', true);
    const result = await store.bulkAssign('u2', null);
    expect(bulk).toHaveBeenCalledWith({ body: { customerIds: ['a', 'b'], ownerId: 'u2', reason: null } });
    expect(result).toEqual({ updated: 1, skipped: 1 });
  });
});
