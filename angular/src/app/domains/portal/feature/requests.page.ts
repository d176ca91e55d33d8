import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzRateModule } from 'ng-zorro-antd/rate';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { AuthService } from '../../../core/auth/auth.service';
import { PortalApi } from '../data/portal-api';
import { PortalTicketListItem, statusColor } from '../model/portal';

/** My requests (customer) or the tickets of my customers (partner, optionally of one customer). */
@Component({
  selector: 'app-portal-requests-page',
  imports: [RouterLink, TranslatePipe, FormsModule, DatePipe, NzTableModule, NzTagModule, NzButtonModule, NzEmptyModule, NzRateModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div style="display: flex; justify-content: space-between; align-items: center; margin-bottom: 16px">
      <h2 style="margin: 0">{{ (partner ? 'portal.requests.partnerTitle' : 'portal.requests.title') | translate }}</h2>
      <a nz-button nzType="primary" [routerLink]="partner ? '/portal/partner/tickets/new' : '/portal/requests/new'" [queryParams]="customerId ? { customerId } : {}"
        data-test="new-request">{{ 'portal.nav.newRequest' | translate }}</a>
    </div>
    <nz-table #table [nzData]="rows()" [nzLoading]="loading()" [nzNoResult]="empty" nzSize="middle" [nzPageSize]="20">
      <thead>
        <tr>
          <th>{{ 'portal.fields.number' | translate }}</th>
          <th>{{ 'portal.fields.title' | translate }}</th>
          @if (partner) { <th>{{ 'portal.fields.customer' | translate }}</th> }
          <th>{{ 'portal.fields.status' | translate }}</th>
          <th>{{ 'portal.fields.createdAt' | translate }}</th>
          <th>{{ 'portal.fields.rating' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (t of table.data; track t.id) {
          <tr>
            <td><a [routerLink]="[partner ? '/portal/partner/tickets' : '/portal/requests', t.id]">{{ t.number }}</a></td>
            <td>{{ t.title }}</td>
            @if (partner) { <td>{{ t.customerName }}</td> }
            <td><nz-tag [nzColor]="color(t)">{{ 'portal.status.' + t.status | translate }}</nz-tag></td>
            <td>{{ t.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>@if (t.satisfactionRating) { <nz-rate [ngModel]="t.satisfactionRating" nzDisabled /> }</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'portal.requests.empty' | translate" /></ng-template>
  `,
})
export class PortalRequestsPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly partner = this.route.snapshot.data['partner'] === true || inject(AuthService).kind() === 'partner';
  protected readonly customerId = this.route.snapshot.queryParamMap.get('customerId') ?? undefined;
  protected readonly rows = signal<PortalTicketListItem[]>([]);
  protected readonly loading = signal(true);
  protected readonly color = (t: PortalTicketListItem) => statusColor(t.status);

  async ngOnInit(): Promise<void> {
    try {
      this.rows.set(await this.api.tickets(this.partner, this.customerId));
    } finally {
      this.loading.set(false);
    }
  }
}
