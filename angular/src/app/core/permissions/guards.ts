import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, RedirectCommand, Router } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { PermissionStore } from './permission.store';

/** Signed in (and permissions loaded), else the login page with the page to come back to. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const permissions = inject(PermissionStore);
  const router = inject(Router);
  const toLogin = () => router.createUrlTree(['/login'], state.url && state.url !== '/' ? { queryParams: { returnUrl: state.url } } : {});
  if (!auth.isSignedIn()) return toLogin();
  // Portal accounts have their own side of the app; the staff API refuses them anyway.
  if (auth.kind() !== 'staff') return router.createUrlTree(['/portal']);
  if (await permissions.ensureLoaded()) return true;
  // A failed load that was not a refused session (the interceptor handles those) still needs a sign-in.
  if (!auth.isSignedIn()) return toLogin();
  auth.clear();
  return toLogin();
};

/**
 * Requires one of the route's `data.permission` (a name or a list). Without it the URL stays and the
 * "no access" page is shown in its place.
 */
export const permissionGuard: CanActivateFn = (route) => {
  const permissions = inject(PermissionStore);
  const router = inject(Router);
  const wanted = route.data['permission'] as string | string[] | undefined;
  if (permissions.has(wanted)) return true;
  return new RedirectCommand(router.parseUrl('/no-access'), { skipLocationChange: true });
};

/** The login page is for signed-out users only. */
export const signedOutGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  if (!auth.isSignedIn()) return true;
  return inject(Router).createUrlTree([auth.kind() === 'staff' ? '/' : '/portal']);
};

/** Portal pages: portal accounts only; staff go to the staff home, signed-out visitors to the portal login. */
export const portalGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.isSignedIn()) return router.createUrlTree(['/portal/login']);
  return auth.kind() === 'staff' ? router.createUrlTree(['/']) : true;
};

/** The portal's login, invitation and sign-up pages: a signed-in portal account goes straight to the portal. */
export const portalSignedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.isSignedIn() && auth.kind() !== 'staff' ? inject(Router).createUrlTree(['/portal']) : true;
};
