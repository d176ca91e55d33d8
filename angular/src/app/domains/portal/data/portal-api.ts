import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { downloadFile } from '../../../shared/util/file-download';
import {
  Partner,
  PartnerCustomerItem,
  PartnerModule,
  PortalAccount,
  PortalCategory,
  PortalMe,
  PortalTicket,
  PortalTicketListItem,
} from '../model/portal';

/** The portal endpoints: customers use /api/portal/tickets, partners /api/portal/partner/tickets. */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);
  private get<T>(url: string): Promise<T> {
    return firstValueFrom(this.http.get<T>(url));
  }
  private post<T>(url: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(url, body));
  }
  private put<T>(url: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.put<T>(url, body));
  }

  me = () => this.get<PortalMe>('/api/portal/me');
  categories = () => this.get<PortalCategory[]>('/api/portal/ticket-categories');
  tickets = (partner: boolean, customerId?: string) =>
    this.get<PortalTicketListItem[]>(partner ? `/api/portal/partner/tickets${customerId ? `?customerId=${customerId}` : ''}` : '/api/portal/tickets');
  ticket = (partner: boolean, id: string) => this.get<PortalTicket>(`${partner ? '/api/portal/partner' : '/api/portal'}/tickets/${id}`);
  create = (partner: boolean, body: { title: string; categoryCode: string; description?: string | null; customerId?: string | null }) =>
    this.post<PortalTicket>(`${partner ? '/api/portal/partner' : '/api/portal'}/tickets`, body);
  reply = (partner: boolean, id: string, content: string) =>
    this.post<PortalTicket>(`${partner ? '/api/portal/partner' : '/api/portal'}/tickets/${id}/replies`, { content });
  /** A file of the request or of one of its public replies (the server checks both). */
  downloadAttachment = (partner: boolean, ticketId: string, fileId: string, fileName: string) =>
    downloadFile(this.http, `${partner ? '/api/portal/partner' : '/api/portal'}/tickets/${ticketId}/attachments/${fileId}`, fileName);
  rate = (id: string, rating: number, comment: string | null) => this.post<PortalTicket>(`/api/portal/tickets/${id}/rating`, { rating, comment });
  partnerCustomers = () => this.get<PartnerCustomerItem[]>('/api/portal/partner/customers');
  acceptInvitation = (token: string, password: string) =>
    this.post<{ tenant: string; userName: string }>('/api/portal/invitations/accept', { token, password });
  signUp = (body: { tenant: string; name: string; email: string; phone: string; company: string; password: string }) =>
    this.post<{ status: string; message: string }>('/api/portal/sign-up', body);

  // staff administration
  accounts = () => this.get<PortalAccount[]>('/api/portal-admin/accounts');
  invite = (customerId: string, contactId: string) =>
    this.post<{ account: PortalAccount; acceptUrl: string; expiresAt: string }>('/api/portal-admin/accounts/invitations', { customerId, contactId });
  setAccountEnabled = (id: string, enabled: boolean) => this.post<PortalAccount>(`/api/portal-admin/accounts/${id}/${enabled ? 'enable' : 'disable'}`);
  approve = (id: string, customerId: string) => this.post<PortalAccount>(`/api/portal-admin/accounts/${id}/approve`, { customerId });
  settings = () => this.get<{ allowSelfSignUp: boolean; concurrencyStamp: string }>('/api/portal-admin/settings');
  saveSettings = (allowSelfSignUp: boolean, concurrencyStamp: string) =>
    this.put<{ allowSelfSignUp: boolean; concurrencyStamp: string }>('/api/portal-admin/settings', { allowSelfSignUp, concurrencyStamp });
  searchCustomers = (name: string) =>
    this.get<{ items: { id: string; name: string }[] }>(`/api/customers?name=${encodeURIComponent(name)}&pageSize=20`).then((r) => r.items);
  customerContacts = (customerId: string) => this.get<{ id: string; name: string; email: string | null }[]>(`/api/customers/${customerId}/contacts`);
  partners = () => this.get<Partner[]>('/api/portal-admin/partners');
  partnerModules = () => this.get<PartnerModule[]>('/api/portal-admin/partners/modules');
  savePartner = (id: string | null, body: Partial<Partner>) =>
    id ? this.put<Partner>(`/api/portal-admin/partners/${id}`, body) : this.post<Partner>('/api/portal-admin/partners', body);
  deletePartner = (id: string) => firstValueFrom(this.http.delete(`/api/portal-admin/partners/${id}`));
  partnerUsers = (id: string) => this.get<{ id: string; userName: string; name: string; isActive: boolean }[]>(`/api/portal-admin/partners/${id}/users`);
  addPartnerUser = (id: string, body: { userName: string; name: string; password: string }) => this.post(`/api/portal-admin/partners/${id}/users`, body);
  assignedCustomers = (id: string) => this.get<{ customerId: string; customerName: string | null }[]>(`/api/portal-admin/partners/${id}/customers`);
  setAssignedCustomers = (id: string, customerIds: string[]) => this.put(`/api/portal-admin/partners/${id}/customers`, { customerIds });
}
