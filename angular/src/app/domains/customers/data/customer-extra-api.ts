import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CustomerPage } from '../../../shared/api/generated';
import {
  CheckInPoint,
  CreateFollowUpRequest,
  Customer360,
  CustomerSettings,
  FollowUp,
  FollowUpPage,
  HistoryPage,
  SavedView,
  SaveViewRequest,
} from '../model/customer';

/**
 * Customer calls the generated client cannot make (yet):
 * - the list, whose query string is built by `filterToQuery` (custom-field filters are `cf.<name>` keys
 *   the OpenAPI document cannot name) and stored as is in saved views;
 * - follow-ups, check-ins, 360, readable history, saved views and customer settings, written against the
 *   agreed shapes until their endpoints are in openapi.json.
 * TODO(api): once `npm run api` generates these operations, replace the typed calls below with the
 * generated CustomersService / SavedViewsService methods (the list stays here for its raw query string).
 */
@Injectable({ providedIn: 'root' })
export class CustomerExtraApi {
  private readonly http = inject(HttpClient);

  list(query: string, cursor: string | null, pageSize: number): Promise<CustomerPage> {
    let params = new HttpParams({ fromString: query }).set('pageSize', pageSize);
    if (cursor) params = params.set('cursor', cursor);
    return firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params }));
  }

  followUps(customerId: string, cursor: string | null): Promise<FollowUpPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return firstValueFrom(this.http.get<FollowUpPage>(`/api/customers/${customerId}/follow-ups`, { params }));
  }

  addFollowUp(customerId: string, body: CreateFollowUpRequest): Promise<FollowUp> {
    return firstValueFrom(this.http.post<FollowUp>(`/api/customers/${customerId}/follow-ups`, body));
  }

  checkIns(from: string, to: string, userId: string | null): Promise<CheckInPoint[]> {
    let params = new HttpParams().set('from', from).set('to', to);
    if (userId) params = params.set('userId', userId);
    return firstValueFrom(this.http.get<CheckInPoint[]>('/api/check-ins', { params }));
  }

  view360(customerId: string): Promise<Customer360> {
    return firstValueFrom(this.http.get<Customer360>(`/api/customers/${customerId}/360`));
  }

  history(customerId: string, field: string | null, userId: string | null, cursor: string | null): Promise<HistoryPage> {
    let params = new HttpParams();
    if (field) params = params.set('field', field);
    if (userId) params = params.set('userId', userId);
    if (cursor) params = params.set('cursor', cursor);
    return firstValueFrom(this.http.get<HistoryPage>(`/api/customers/${customerId}/history`, { params }));
  }

  views(recordType: string): Promise<SavedView[]> {
    return firstValueFrom(this.http.get<SavedView[]>('/api/saved-views', { params: { recordType } }));
  }

  createView(body: SaveViewRequest): Promise<SavedView> {
    return firstValueFrom(this.http.post<SavedView>('/api/saved-views', body));
  }

  updateView(id: string, body: SaveViewRequest): Promise<SavedView> {
    return firstValueFrom(this.http.put<SavedView>(`/api/saved-views/${id}`, body));
  }

  deleteView(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/saved-views/${id}`));
  }

  settings(): Promise<CustomerSettings> {
    return firstValueFrom(this.http.get<CustomerSettings>('/api/customer-settings'));
  }

  saveSettings(body: CustomerSettings): Promise<CustomerSettings> {
    return firstValueFrom(this.http.put<CustomerSettings>('/api/customer-settings', body));
  }
}
