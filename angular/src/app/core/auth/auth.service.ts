import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AccountService } from '../../shared/api/generated';
import { TokenResponse } from '../../shared/api/generated';
import { readSession, Session, writeSession } from './session-storage';

/** Sign-in, token refresh (once per failure, shared by concurrent requests) and sign-out. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly account = inject(AccountService);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());
  private refreshing: Promise<boolean> | null = null;

  readonly isSignedIn = computed(() => this.session() !== null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  /** Staff, or a portal account (customer, partner): each has its own side of the app. */
  readonly kind = computed(() => accountKind(this.session()?.accessToken ?? null));

  async login(tenant: string, userName: string, password: string): Promise<void> {
    const tokens = await this.account.apiAccountLoginPost({
      body: { tenant: tenant.trim() || null, userName: userName.trim(), password },
    });
    this.store(tokens);
  }

  /**
   * Exchanges the refresh token for new tokens. Concurrent callers share one request; when another tab
   * has already rotated the tokens, their newer pair is taken instead of presenting a spent token.
   */
  refresh(failedAccessToken: string | null): Promise<boolean> {
    const stored = readSession();
    if (stored && stored.accessToken !== failedAccessToken) {
      this.session.set(stored);
      return Promise.resolve(true);
    }
    if (!stored) {
      this.session.set(null);
      return Promise.resolve(false);
    }
    this.refreshing ??= this.account
      .apiAccountRefreshPost({ body: { refreshToken: stored.refreshToken } })
      .then((tokens) => {
        this.store(tokens);
        return true;
      })
      .catch(() => {
        this.clear();
        return false;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Revokes the refresh token on the server and forgets the session. */
  async logout(): Promise<void> {
    const current = this.session();
    const loginPage = this.kind() === 'staff' ? '/login' : '/portal/login';
    this.clear();
    if (current) {
      try {
        await this.account.apiAccountLogoutPost({ body: { refreshToken: current.refreshToken } });
      } catch {
        // the session is gone locally either way
      }
    }
    await this.router.navigate([loginPage]);
  }

  /** The session is over (refresh failed): back to the login page, then to where the user was. */
  endSession(returnUrl: string): void {
    this.clear();
    // Before the first navigation has finished, the route guard sends the user to the login page itself.
    if (!this.router.navigated || this.router.url.startsWith('/login') || this.router.url.startsWith('/portal/login')) return;
    const loginPage = this.router.url.startsWith('/portal') ? '/portal/login' : '/login';
    const target = returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    void this.router.navigate([loginPage], { queryParams: target });
  }

  clear(): void {
    writeSession(null);
    this.session.set(null);
  }

  private store(tokens: TokenResponse): void {
    const session: Session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + Number(tokens.expiresIn) * 1000,
    };
    writeSession(session);
    this.session.set(session);
  }
}

export type AccountKind = 'staff' | 'customer' | 'partner';

/** The "kind" claim of the access token (absent for staff). Only routing reads it; the API enforces the boundary. */
export function accountKind(accessToken: string | null): AccountKind {
  if (!accessToken) return 'staff';
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='))) as { kind?: string };
    return claims.kind === 'customer' || claims.kind === 'partner' ? claims.kind : 'staff';
  } catch {
    return 'staff';
  }
}
