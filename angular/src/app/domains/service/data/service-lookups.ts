import { inject, Injectable } from '@angular/core';
import { CustomersService, DepartmentsService, UsersService } from '../../../shared/api/generated';
import type { ContactDto, NamedRef } from '../../../shared/api/generated';

/** Pickers of the service screens: customers by name, their contacts, users and departments. */
@Injectable({ providedIn: 'root' })
export class ServiceLookups {
  private readonly customers = inject(CustomersService);
  private readonly usersApi = inject(UsersService);
  private readonly departmentsApi = inject(DepartmentsService);

  /** Customers I may see whose name contains the text (first 20). */
  async searchCustomers(name: string): Promise<NamedRef[]> {
    const page = await this.customers.apiCustomersGet({ Name: name.trim() || undefined, PageSize: 20, Sort: 'name' });
    return page.items.map((c) => ({ id: c.id, name: c.name }));
  }

  async contactsOf(customerId: string): Promise<ContactDto[]> {
    return this.customers.apiCustomersCustomerIdContactsGet({ customerId });
  }

  async users(filter = ''): Promise<NamedRef[]> {
    return this.usersApi.apiIdentityUsersLookupGet({ filter: filter || undefined, max: 50 });
  }

  async departments(): Promise<NamedRef[]> {
    const all = await this.departmentsApi.apiDepartmentsGet();
    return all.map((d) => ({ id: d.id, name: d.name }));
  }

  /** Ids of the members of a department (fails without the permission to read them). */
  async memberIds(departmentId: string): Promise<string[]> {
    const members = await this.departmentsApi.apiDepartmentsIdMembersGet({ id: departmentId });
    return (members as Array<{ id?: string; userId?: string }>).map((m) => m.userId ?? m.id ?? '');
  }
}
