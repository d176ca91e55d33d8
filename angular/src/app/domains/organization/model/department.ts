import type { DepartmentDto } from '../../../shared/api/generated';

export type { DepartmentDto as Department, MemberDto as Member, NamedRef as UserOption } from '../../../shared/api/generated';

/** A node of the department tree, in the shape nz-tree and nz-tree-select take. */
export interface DepartmentNode {
  key: string;
  title: string;
  isLeaf: boolean;
  expanded: boolean;
  disabled?: boolean;
  children: DepartmentNode[];
}

/** Builds the org tree from the flat list; siblings sorted by name, orphans (parent not visible) become roots. */
export function buildTree(departments: readonly DepartmentDto[], disabledSubtreeOf: string | null = null): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, DepartmentDto[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const build = (parent: string | null, disabled: boolean): DepartmentNode[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => {
        const off = disabled || d.id === disabledSubtreeOf;
        const kids = build(d.id, off);
        return { key: d.id, title: d.name, isLeaf: kids.length === 0, expanded: true, disabled: off || undefined, children: kids };
      });
  return build(null, false);
}

/** Ids of a department and everything under it (a department cannot move below itself). */
export function subtreeIds(departments: readonly DepartmentDto[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}
