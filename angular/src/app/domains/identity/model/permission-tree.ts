import type { PermissionGroupDto } from '../../../shared/api/generated';

/** One row of the permission editor: a group header or a permission indented by its depth. */
export interface PermissionRow {
  name: string;
  label: { en: string; zh: string };
  depth: number;
  parent: string | null;
}

export interface PermissionGroupRows {
  name: string;
  label: { en: string; zh: string };
  rows: PermissionRow[];
}

/** Orders each group's permissions parent-first, with their depth for indentation. */
export function toGroupRows(groups: readonly PermissionGroupDto[]): PermissionGroupRows[] {
  return groups.map((group) => {
    const byParent = new Map<string | null, PermissionGroupDto['permissions']>();
    const names = new Set(group.permissions.map((p) => p.name));
    for (const p of group.permissions) {
      const parent = p.parent && names.has(p.parent) ? p.parent : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
    }
    const rows: PermissionRow[] = [];
    const visit = (parent: string | null, depth: number) => {
      for (const p of byParent.get(parent) ?? []) {
        rows.push({ name: p.name, label: p.displayName, depth, parent: p.parent ?? null });
        visit(p.name, depth + 1);
      }
    };
    visit(null, 0);
    return { name: group.name, label: group.displayName, rows };
  });
}

/**
 * Ticks or clears one permission. A permission needs its parent (ticking "Manage users" grants "Users");
 * clearing a parent clears everything under it.
 */
export function togglePermission(groups: readonly PermissionGroupRows[], granted: ReadonlySet<string>, name: string, on: boolean): Set<string> {
  const rows = groups.flatMap((g) => g.rows);
  const result = new Set(granted);
  if (on) {
    let current: string | null = name;
    while (current) {
      result.add(current);
      current = rows.find((r) => r.name === current)?.parent ?? null;
    }
  } else {
    const remove = (n: string) => {
      result.delete(n);
      for (const child of rows.filter((r) => r.parent === n)) remove(child.name);
    };
    remove(name);
  }
  return result;
}

/** Ticks or clears a whole group. */
export function toggleGroup(group: PermissionGroupRows, granted: ReadonlySet<string>, on: boolean): Set<string> {
  const result = new Set(granted);
  for (const row of group.rows) {
    if (on) result.add(row.name);
    else result.delete(row.name);
  }
  return result;
}

export type GroupState = 'all' | 'some' | 'none';

export function groupState(group: PermissionGroupRows, granted: ReadonlySet<string>): GroupState {
  const count = group.rows.filter((r) => granted.has(r.name)).length;
  return count === 0 ? 'none' : count === group.rows.length ? 'all' : 'some';
}
