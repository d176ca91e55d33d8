import { Injectable, signal } from '@angular/core';

const KEY = 'saascrm.tenant';

/** The tenant name last signed in with, pre-filled on the login page (blank = the SaaS operator side). */
@Injectable({ providedIn: 'root' })
export class TenantMemory {
  readonly name = signal<string>(read());

  remember(name: string): void {
    const value = name.trim();
    this.name.set(value);
    try {
      localStorage.setItem(KEY, value);
    } catch {
      // storage unavailable (private mode): remembering is a convenience only
    }
  }
}

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
