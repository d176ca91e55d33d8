import { TestBed } from '@angular/core/testing';
import { TenantsHostService } from '../../../shared/api/generated';
import { Tenant } from '../model/tenant';
import { TenantListStore } from './tenant-list.store';

const tenant = (name: string): Tenant => ({
  id: `id-${name}`,
  name,
  displayName: name.toUpperCase(),
  isActive: true,
  suspensionReason: null,
  suspendedAt: null,
  hasOwnDatabase: false,
  editionId: null,
  createdAt: '2026-01-01T00:00:00Z',
  concurrencyStamp: 'stamp-1',
});

describe('TenantListStore', () => {
  function setup(api: Partial<Record<keyof TenantsHostService, unknown>>) {
    TestBed.configureTestingModule({ providers: [TenantListStore, { provide: TenantsHostService, useValue: api }] });
    return TestBed.inject(TenantListStore);
  }

  it('loads a page with the search text, status filter and paging', async () => {
    const get = vi.fn().mockResolvedValue({ items: [tenant('acme')], total: '10000', totalIsLowerBound: true, page: 1, pageSize: 20 });
    const store = setup({ apiHostTenantsGet: get });
    await store.search('  acme ');
    await store.filterStatus('suspended');
    await store.changePage(3, 20);
    expect(get).toHaveBeenLastCalledWith({ filter: 'acme', isActive: false, page: 3, pageSize: 20 });
    expect(store.items().map((t) => t.name)).toEqual(['acme']);
    expect(store.total()).toBe(10000);
    expect(store.totalIsLowerBound()).toBe(true);
  });

  it('goes back to the first page when the filter or page size changes', async () => {
    const get = vi.fn().mockResolvedValue({ items: [], total: 0, totalIsLowerBound: false, page: 1, pageSize: 20 });
    const store = setup({ apiHostTenantsGet: get });
    await store.changePage(4, 20);
    await store.search('x');
    expect(store.page()).toBe(1);
    await store.changePage(2, 20);
    await store.changePage(2, 50);
    expect(store.page()).toBe(1);
    expect(store.filter()).toBe('x');
  });

  it('sends the concurrency stamp on rename and the typed name on delete', async () => {
    const get = vi.fn().mockResolvedValue({ items: [tenant('acme')], total: 1, totalIsLowerBound: false, page: 1, pageSize: 20 });
    const put = vi.fn().mockResolvedValue(tenant('acme'));
    const del = vi.fn().mockResolvedValue(undefined);
    const store = setup({ apiHostTenantsGet: get, apiHostTenantsIdPut: put, apiHostTenantsIdDelete: del });
    await store.rename(tenant('acme'), 'Acme Ltd');
    expect(put).toHaveBeenCalledWith({ id: 'id-acme', body: { displayName: 'Acme Ltd', concurrencyStamp: 'stamp-1' } });
    await store.remove(tenant('acme'), 'acme');
    expect(del).toHaveBeenCalledWith({ id: 'id-acme', confirmName: 'acme' });
  });

  it('marks the list as failed and passes the error on', async () => {
    const store = setup({ apiHostTenantsGet: vi.fn().mockRejectedValue(new Error('down')) });
    await expect(store.load()).rejects.toThrow('down');
    expect(store.failed()).toBe(true);
    expect(store.loading()).toBe(false);
  });
});
