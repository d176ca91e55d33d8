import { inject, Injectable } from '@angular/core';
import { CustomersService } from '../../../shared/api/generated';
import type { CreateFollowUpRequest, CustomerKind } from '../../../shared/api/generated';

/** The two customer calls the screen pop makes, through the generated CustomersService. */
@Injectable({ providedIn: 'root' })
export class ScreenPopApi {
  private readonly customers = inject(CustomersService);

  /** The new customer's id. */
  async createCustomer(name: string, kind: CustomerKind, phone: string): Promise<string> {
    const created = await this.customers.apiCustomersPost({ body: { kind, name, phones: [phone], emails: [], tags: [] } });
    return created.id;
  }

  async addFollowUp(customerId: string, body: CreateFollowUpRequest): Promise<void> {
    await this.customers.apiCustomersCustomerIdFollowUpsPost({ customerId, body });
  }
}
