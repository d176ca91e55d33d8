/** The signed-in session as kept in the browser (shared by every tab). */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds */
  expiresAt: number;
}

const KEY = 'saascrm.session';

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    return { accessToken: value.accessToken, refreshToken: value.refreshToken, expiresAt: Number(value.expiresAt ?? 0) };
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the session lives in memory only
  }
}
