import { groupState, toggleGroup, togglePermission, toGroupRows } from './permission-tree';

const label = (en: string) => ({ en, zh: en });
const groups = toGroupRows([
  {
    name: 'Identity',
    displayName: label('Users and roles'),
    permissions: [
      { name: 'Identity.Users.Manage', displayName: label('Manage users'), parent: 'Identity.Users' },
      { name: 'Identity.Users', displayName: label('Users'), parent: null },
      { name: 'Identity.Roles', displayName: label('Roles'), parent: null },
    ],
  },
]);

describe('permission tree', () => {
  it('orders permissions parent first, with their depth', () => {
    expect(groups[0].rows.map((r) => [r.name, r.depth])).toEqual([
      ['Identity.Users', 0],
      ['Identity.Users.Manage', 1],
      ['Identity.Roles', 0],
    ]);
  });

  it('grants the parent with a child, and clears the children with a parent', () => {
    const granted = togglePermission(groups, new Set(), 'Identity.Users.Manage', true);
    expect([...granted].sort()).toEqual(['Identity.Users', 'Identity.Users.Manage']);
    expect([...togglePermission(groups, granted, 'Identity.Users', false)]).toEqual([]);
  });

  it('ticks and clears a whole group, and tells whether it is all, some or none', () => {
    const all = toggleGroup(groups[0], new Set(), true);
    expect(groupState(groups[0], all)).toBe('all');
    expect(groupState(groups[0], new Set(['Identity.Roles']))).toBe('some');
    expect(groupState(groups[0], toggleGroup(groups[0], all, false))).toBe('none');
  });
});
