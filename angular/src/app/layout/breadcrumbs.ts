import { ActivatedRouteSnapshot } from '@angular/router';

export interface Crumb {
  label: string;
  url: string | null;
}

/** Breadcrumbs from the `data.breadcrumb` (translation key) of each matched route, outermost first. */
export function collectCrumbs(root: ActivatedRouteSnapshot): Crumb[] {
  const crumbs: Crumb[] = [];
  let route: ActivatedRouteSnapshot | null = root;
  const segments: string[] = [];
  while (route) {
    segments.push(...route.url.map((s) => s.path));
    const label = route.routeConfig?.data?.['breadcrumb'] as string | undefined;
    if (label && !crumbs.some((c) => c.label === label)) crumbs.push({ label, url: '/' + segments.join('/') });
    route = route.firstChild;
  }
  if (crumbs.length > 0) crumbs[crumbs.length - 1].url = null;
  return crumbs;
}
