import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { Consultation, ConsultationRow, CreateConsultation } from '../model/consultation';

export interface Page<T> {
  items: T[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * /api/consultations, written against the endpoints' shapes.
 * TODO(api): switch to the generated ConsultationsService once `npm run api` has been run against a host with these endpoints.
 */
@Injectable({ providedIn: 'root' })
export class ConsultationApi {
  private readonly http = inject(HttpClient);

  list(query: Record<string, string | string[]>): Promise<Page<ConsultationRow>> {
    return firstValueFrom(this.http.get<Page<ConsultationRow>>('/api/consultations', { params: query }));
  }
  get(id: string): Promise<Consultation> {
    return firstValueFrom(this.http.get<Consultation>(`/api/consultations/${id}`));
  }
  create(body: CreateConsultation): Promise<Consultation> {
    return firstValueFrom(this.http.post<Consultation>('/api/consultations', body));
  }
  answer(id: string, content: string, replyChannelCode: string | null): Promise<Consultation> {
    return firstValueFrom(this.http.post<Consultation>(`/api/consultations/${id}/answer`, { content, replyChannelCode }));
  }
  transfer(id: string, departmentId: string, deadline: string | null, note: string | null): Promise<Consultation> {
    return firstValueFrom(this.http.post<Consultation>(`/api/consultations/${id}/transfer`, { departmentId, deadline, note }));
  }
  departmentAnswer(id: string, content: string): Promise<Consultation> {
    return firstValueFrom(this.http.post<Consultation>(`/api/consultations/${id}/department-answer`, { content }));
  }
}

/** The signed-in user's id (for what the detail pages offer; the server still decides). */
@Injectable({ providedIn: 'root' })
export class CurrentUserId {
  private readonly http = inject(HttpClient);
  /** Not cached: another user may sign in without a reload. */
  get(): Promise<string | null> {
    return firstValueFrom(this.http.get<{ userId: string }>('/api/account/me')).then((p) => p.userId, () => null);
  }
}
