import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ReturnEntry, ReturnRow } from '../model/return';
import type { Page } from './consultation-api';

/**
 * /api/returns, written against the endpoints' shapes.
 * TODO(api): switch to the generated ReturnsService once `npm run api` has been run against a host with these endpoints.
 */
@Injectable({ providedIn: 'root' })
export class ReturnApi {
  private readonly http = inject(HttpClient);

  list(query: Record<string, string | string[]>): Promise<Page<ReturnRow>> {
    return firstValueFrom(this.http.get<Page<ReturnRow>>('/api/returns', { params: query }));
  }
  get(id: string): Promise<ReturnEntry> {
    return firstValueFrom(this.http.get<ReturnEntry>(`/api/returns/${id}`));
  }
  create(body: Record<string, unknown>): Promise<ReturnEntry> {
    return firstValueFrom(this.http.post<ReturnEntry>('/api/returns', body));
  }
  update(id: string, body: Record<string, unknown>): Promise<ReturnEntry> {
    return firstValueFrom(this.http.put<ReturnEntry>(`/api/returns/${id}`, body));
  }
  action(id: string, action: 'submit' | 'approve' | 'reject' | 'complete', note?: string | null): Promise<ReturnEntry> {
    return firstValueFrom(this.http.post<ReturnEntry>(`/api/returns/${id}/${action}`, action === 'approve' || action === 'reject' ? { note: note ?? null } : {}));
  }
}
