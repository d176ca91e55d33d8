import { buildTree, Department, subtreeIds } from './department';

const dept = (id: string, name: string, parentId: string | null): Department => ({
  id,
  name,
  parentId,
  code: id,
  headUserId: null,
  headUserName: null,
  memberCount: 0,
  concurrencyStamp: 's',
});

describe('department tree', () => {
  const flat = [dept('s', 'Sales', null), dept('e', 'East', 's'), dept('w', 'West', 's'), dept('x', 'Service', null), dept('n', 'North', 'e')];

  it('nests departments under their parents, siblings by name', () => {
    const tree = buildTree(flat);
    expect(tree.map((n) => n.title)).toEqual(['Sales', 'Service']);
    expect(tree[0].children.map((n) => n.title)).toEqual(['East', 'West']);
    expect(tree[0].children[0].children[0]).toMatchObject({ key: 'n', isLeaf: true });
    expect(tree[1].isLeaf).toBe(true);
  });

  it('disables a department and its subtree as move targets', () => {
    const tree = buildTree(flat, 'e');
    expect(tree[0].disabled).toBeUndefined();
    expect(tree[0].children[0].disabled).toBe(true);
    expect(tree[0].children[0].children[0].disabled).toBe(true);
    expect(tree[0].children[1].disabled).toBeUndefined();
    expect([...subtreeIds(flat, 's')].sort()).toEqual(['e', 'n', 's', 'w']);
  });
});
