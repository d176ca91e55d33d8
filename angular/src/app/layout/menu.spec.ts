import { MENU, visibleMenu } from './menu';
import { collectCrumbs } from './breadcrumbs';
import { ActivatedRouteSnapshot } from '@angular/router';

describe('visibleMenu', () => {
  it('shows only the items whose permission is granted, and drops emptied groups', () => {
    const granted = new Set(['Departments', 'Identity.Users']);
    const menu = visibleMenu(MENU, (p) => (typeof p === 'string' ? [p] : p).some((x) => granted.has(x)));
    expect(menu.map((g) => g.label)).toEqual(['menu.administration']);
    expect(menu[0].items.map((i) => i.route)).toEqual(['/admin/users', '/admin/departments']);
  });

  it('shows an item needing one of several permissions when any is granted', () => {
    const menu = visibleMenu(MENU, (p) => (typeof p === 'string' ? [p] : p).includes('Audit.SecurityLogs'));
    expect(menu.flatMap((g) => g.items).map((i) => i.route)).toEqual(['/admin/audit']);
  });
});

describe('collectCrumbs', () => {
  it('lists the breadcrumb of each matched route, the last one without a link', () => {
    const leaf = { url: [{ path: '42' }], routeConfig: { data: { breadcrumb: 'users.detail' } }, firstChild: null };
    const area = { url: [{ path: 'admin' }, { path: 'users' }], routeConfig: { data: { breadcrumb: 'menu.users' } }, firstChild: leaf };
    const root = { url: [], routeConfig: null, firstChild: area };
    expect(collectCrumbs(root as unknown as ActivatedRouteSnapshot)).toEqual([
      { label: 'menu.users', url: '/admin/users' },
      { label: 'users.detail', url: null },
    ]);
  });
});
