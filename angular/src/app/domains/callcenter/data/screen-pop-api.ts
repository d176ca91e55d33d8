import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CreateFollowUpRequest } from '../../../shared/api/generated';

/** The two customer calls the screen pop makes whose responses the generated client does not type (create returns the id). */
@Injectable({ providedIn: 'root' })
export class ScreenPopApi {
  private readonly http = inject(HttpClient);

  async createCustomer(name: string, kind: 'Company' | 'Person', phone: string): Promise<string> {
    const created = await firstValueFrom(
      this.http.post<{ id: string }>('/api/customers', { kind, name, phones: [phone], emails: [], tags: [] }),
    );
    return created.id;
  }

  async addFollowUp(customerId: string, body: CreateFollowUpRequest): Promise<void> {
    await firstValueFrom(this.http.post(`/api/customers/${customerId}/follow-ups`, body));
  }
}
