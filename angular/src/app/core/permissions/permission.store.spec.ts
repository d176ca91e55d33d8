import { TestBed } from '@angular/core/testing';
import { PermissionsService } from '../../shared/api/generated';
import { PermissionStore } from './permission.store';

describe('PermissionStore', () => {
  const mine = {
    userId: 'u1',
    userName: 'lina',
    tenantId: 't1',
    tenantName: 'demo',
    dataScope: 'Self' as const,
    permissions: ['Departments', 'Identity.Users'],
  };

  function setup(api: Partial<PermissionsService>) {
    TestBed.configureTestingModule({ providers: [{ provide: PermissionsService, useValue: api }] });
    return TestBed.inject(PermissionStore);
  }

  it('loads the signed-in user and answers permission checks', async () => {
    const store = setup({ apiPermissionsMineGet: vi.fn().mockResolvedValue(mine) });
    expect(await store.load()).toBe(true);
    expect(store.userName()).toBe('lina');
    expect(store.tenantName()).toBe('demo');
    expect(store.isHost()).toBe(false);
    expect(store.has('Departments')).toBe(true);
    expect(store.has('Identity.Roles')).toBe(false);
    expect(store.has(['Identity.Roles', 'Identity.Users'])).toBe(true);
    expect(store.has(undefined)).toBe(true);
  });

  it('loads once for concurrent and later callers', async () => {
    const get = vi.fn().mockResolvedValue(mine);
    const store = setup({ apiPermissionsMineGet: get });
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()]);
    await store.ensureLoaded();
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and grants nothing', async () => {
    const store = setup({ apiPermissionsMineGet: vi.fn().mockRejectedValue(new Error('401')) });
    expect(await store.load()).toBe(false);
    expect(store.status()).toBe('failed');
    expect(store.has('Departments')).toBe(false);
  });

  it('knows the host side by a missing tenant', async () => {
    const store = setup({ apiPermissionsMineGet: vi.fn().mockResolvedValue({ ...mine, tenantId: null, tenantName: null }) });
    await store.load();
    expect(store.isHost()).toBe(true);
  });
});
