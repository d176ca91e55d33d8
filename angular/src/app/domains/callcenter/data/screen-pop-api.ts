import { inject, Injectable } from '@angular/core';
import { CustomersService } from '../../../shared/api/generated';
import type { CreateFollowUpRequest, CustomerKind } from '../../../shared/api/generated';

/** The two customer calls the screen pop makes, through the generated CustomersService. */
@Injectable({ providedIn: 'root' })
export class ScreenPopApi {
  private readonly customers = inject(CustomersService);

  /** The new customer's id, read from the Location header (the generated client does not type the created body). */
  async createCustomer(name: string, kind: CustomerKind, phone: string): Promise<string> {
    const response = await this.customers.apiCustomersPost$Response({ body: { kind, name, phones: [phone], emails: [], tags: [] } });
    return (response.headers.get('Location') ?? '').split('/').pop() ?? '';
  }

  async addFollowUp(customerId: string, body: CreateFollowUpRequest): Promise<void> {
    await this.customers.apiCustomersCustomerIdFollowUpsPost({ customerId, body });
  }
}
