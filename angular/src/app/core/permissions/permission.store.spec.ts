import { TestBed } from '@angular/core/testing';
import { AccountService, PermissionsService } from '../../shared/api/generated';
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

  const profile = { userId: 'u1', userName: 'lina', name: 'Li Na', email: null, tenantId: 't1', tenantName: 'demo', tenantDisplayName: 'Demo Co.', language: 'en-US' };

  function setup(api: Partial<PermissionsService>, account: Partial<AccountService> = { apiAccountMeGet: vi.fn().mockResolvedValue(profile) }) {
    TestBed.configureTestingModule({
      providers: [
        { provide: PermissionsService, useValue: api },
        { provide: AccountService, useValue: account },
      ],
    });
    return TestBed.inject(PermissionStore);
  }

  it('loads the signed-in user and answers permission checks', async () => {
    const store = setup({ apiPermissionsMineGet: vi.fn().mockResolvedValue(mine) });
    expect(await store.load()).toBe(true);
    expect(store.userName()).toBe('Li Na');
    expect(store.tenantName()).toBe('demo');
    expect(store.tenantDisplayName()).toBe('Demo Co.');
    expect(store.preferredLanguage()).toBe('en-US');
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

  it('still works without the profile, and saves a changed language', async () => {
    const put = vi.fn().mockResolvedValue({ ...profile, language: 'zh-CN' });
    const store = setup({ apiPermissionsMineGet: vi.fn().mockResolvedValue(mine) }, { apiAccountMeGet: vi.fn().mockRejectedValue(new Error('404')), apiAccountMePreferencesPut: put });
    expect(await store.load()).toBe(true);
    expect(store.tenantDisplayName()).toBe('demo');
    expect(store.userName()).toBe('lina');
    await store.saveLanguage('zh-CN');
    expect(put).toHaveBeenCalledWith({ body: { language: 'zh-CN' } });
    expect(store.preferredLanguage()).toBe('zh-CN');
  });

  it('knows the host side by a missing tenant', async () => {
    const store = setup({ apiPermissionsMineGet: vi.fn().mockResolvedValue({ ...mine, tenantId: null, tenantName: null }) });
    await store.load();
    expect(store.isHost()).toBe(true);
  });
});
