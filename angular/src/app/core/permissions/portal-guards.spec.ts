import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { accountKind } from '../auth/auth.service';
import { writeSession } from '../auth/session-storage';
import { portalGuard, portalSignedOutGuard, signedInGuard } from './guards';

function token(claims: object): string {
  const part = btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `h.${part}.s`;
}

function signIn(kind?: string): void {
  writeSession({ accessToken: token(kind ? { sub: '1', kind } : { sub: '1' }), refreshToken: 'r', expiresAt: Date.now() + 60_000 });
}

async function run(guard: typeof portalGuard): Promise<string | boolean> {
  const result = await TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url: '/x' } as RouterStateSnapshot));
  return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : (result as boolean);
}

describe('portal and staff guards keep the two kinds of accounts apart', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('reads the kind claim of the token', () => {
    expect(accountKind(token({ kind: 'customer' }))).toBe('customer');
    expect(accountKind(token({ kind: 'partner' }))).toBe('partner');
    expect(accountKind(token({}))).toBe('staff');
    expect(accountKind('not-a-jwt')).toBe('staff');
  });

  it('sends a portal account that lands on staff routes to /portal', async () => {
    signIn('customer');
    expect(await run(signedInGuard)).toBe('/portal');
  });

  it('sends staff on portal pages to the staff home, and lets portal accounts in', async () => {
    signIn();
    expect(await run(portalGuard)).toBe('/');
    expect(await run(portalSignedOutGuard)).toBe(true);
  });

  it('lets a partner into the portal and sends signed-out visitors to the portal login', async () => {
    signIn('partner');
    expect(await run(portalGuard)).toBe(true);
    expect(await run(portalSignedOutGuard)).toBe('/portal');
  });

  it('sends a signed-out visitor to the portal login', async () => {
    expect(await run(portalGuard)).toBe('/portal/login');
  });
});
