import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { PortalApi } from '../data/portal-api';
import { PartnerCustomerItem } from '../model/portal';

/** The customers assigned to the partner, with their open tickets. */
@Component({
  selector: 'app-partner-customers-page',
  imports: [RouterLink, TranslatePipe, NzTableModule, NzEmptyModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'portal.partner.customers' | translate }}</h2>
    <nz-table #table [nzData]="rows()" [nzNoResult]="empty" nzSize="middle">
      <thead><tr><th>{{ 'portal.fields.customer' | translate }}</th><th>{{ 'portal.partner.openTickets' | translate }}</th><th></th></tr></thead>
      <tbody>
        @for (c of table.data; track c.id) {
          <tr>
            <td>{{ c.name }}</td>
            <td>{{ c.openTickets }}</td>
            <td>
              <a routerLink="/portal/requests" [queryParams]="{ customerId: c.id }">{{ 'portal.nav.tickets' | translate }}</a> ·
              <a routerLink="/portal/partner/tickets/new" [queryParams]="{ customerId: c.id }">{{ 'portal.nav.newRequest' | translate }}</a>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'portal.partner.noCustomers' | translate" /></ng-template>
  `,
})
export class PartnerCustomersPage implements OnInit {
  private readonly api = inject(PortalApi);
  protected readonly rows = signal<PartnerCustomerItem[]>([]);

  async ngOnInit(): Promise<void> {
    this.rows.set(await this.api.partnerCustomers());
  }
}
