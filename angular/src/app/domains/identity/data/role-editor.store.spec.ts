import { TestBed } from '@angular/core/testing';
import { PermissionsService, RolesService } from '../../../shared/api/generated';
import { RoleEditorStore } from './role-editor.store';

describe('RoleEditorStore', () => {
  const role = { id: 'r1', name: 'viewer', dataScope: 'Self' as const, isStatic: false, isAdministrator: false, userCount: 0, concurrencyStamp: 's1' };
  const definitions = [
    {
      name: 'Organization',
      displayName: { en: 'Organization', zh: '组织架构' },
      permissions: [
        { name: 'Departments', displayName: { en: 'Departments', zh: '部门' }, parent: null },
        { name: 'Departments.Manage', displayName: { en: 'Manage', zh: '管理' }, parent: 'Departments' },
      ],
    },
  ];

  function setup() {
    const roles = {
      apiIdentityRolesIdGet: vi.fn().mockResolvedValue(role),
      apiIdentityRolesIdPermissionsGet: vi.fn().mockResolvedValue(['Departments']),
      apiIdentityRolesIdPermissionsPut: vi.fn().mockResolvedValue(undefined),
      apiIdentityRolesIdPut: vi.fn().mockResolvedValue({ ...role, name: 'reader', concurrencyStamp: 's2' }),
    };
    TestBed.configureTestingModule({
      providers: [
        RoleEditorStore,
        { provide: RolesService, useValue: roles },
        { provide: PermissionsService, useValue: { apiPermissionsDefinitionsGet: vi.fn().mockResolvedValue(definitions) } },
      ],
    });
    return { store: TestBed.inject(RoleEditorStore), roles };
  }

  it('loads the role, the permission tree and the grants', async () => {
    const { store } = setup();
    await store.load('r1');
    expect(store.role()?.name).toBe('viewer');
    expect(store.groups()[0].rows.map((r) => r.name)).toEqual(['Departments', 'Departments.Manage']);
    expect(store.grantedSet().has('Departments')).toBe(true);
    expect(store.dirty()).toBe(false);
  });

  it('tracks changes and saves the granted list', async () => {
    const { store, roles } = setup();
    await store.load('r1');
    store.toggle('Departments.Manage', true);
    expect(store.dirty()).toBe(true);
    await store.savePermissions();
    expect(roles.apiIdentityRolesIdPermissionsPut).toHaveBeenCalledWith({ id: 'r1', body: { permissions: ['Departments', 'Departments.Manage'] } });
    expect(store.dirty()).toBe(false);
    store.toggleGroup('Organization', false);
    expect(store.granted()).toEqual([]);
  });

  it('saves name and data scope with the concurrency stamp', async () => {
    const { store, roles } = setup();
    await store.load('r1');
    await store.saveRole('reader', 'Department');
    expect(roles.apiIdentityRolesIdPut).toHaveBeenCalledWith({ id: 'r1', body: { name: 'reader', dataScope: 'Department', concurrencyStamp: 's1' } });
    expect(store.role()?.concurrencyStamp).toBe('s2');
  });
});
