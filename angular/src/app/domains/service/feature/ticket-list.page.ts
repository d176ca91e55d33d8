import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import type { NamedRef } from '../../../shared/api/generated';
import { ServiceLookups } from '../data/service-lookups';
import { TicketListStore } from '../data/ticket-list.store';
import { activeTicketFilters, TICKET_DICTIONARIES, TICKET_STATUSES, ticketDue, TicketRow, TicketSortField, TicketView } from '../model/ticket';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { DueBadge } from '../ui/due-badge';
import { ServiceStatusTag } from '../ui/status-tag';
import { TicketFormDrawer } from './ticket-form.drawer';

/** "My tickets", "Team queue" (with Grab) and "All tickets": filters, sort, pages and SLA due badges. */
@Component({
  selector: 'app-ticket-list-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    ListTotalPipe,
    LocalDatePipe,
    DictionarySelect,
    DictionaryTag,
    DueBadge,
    ServiceStatusTag,
    TicketFormDrawer,
    NzTableModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzDatePickerModule,
    NzIconModule,
    NzCheckboxModule,
    NzBadgeModule,
    NzEmptyModule,
    NzPaginationModule,
  ],
  providers: [TicketListStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'service.tickets.' + view() + '.title' | translate }}</h2>
          <span class="muted">{{ 'service.tickets.' + view() + '.subtitle' | translate }}</span>
        </div>
        <div class="head-actions">
          <button nz-button (click)="reload()" data-test="ticket-reload"><nz-icon nzType="reload" /> {{ 'service.common.refresh' | translate }}</button>
          <button nz-button nzType="primary" (click)="creating.set(true)" data-test="ticket-create"><nz-icon nzType="plus" /> {{ 'service.tickets.create' | translate }}</button>
        </div>
      </div>

      <div class="toolbar" data-test="ticket-filters">
        <input
          nz-input
          class="search"
          [placeholder]="'service.tickets.searchPlaceholder' | translate"
          [ngModel]="store.filter().search"
          (keyup.enter)="apply({ search: $any($event.target).value })"
          (blur)="$any($event.target).value !== store.filter().search && apply({ search: $any($event.target).value })"
          data-test="ticket-search"
        />
        @if (view() !== 'queue') {
          <nz-select
            nzMode="multiple"
            class="w180"
            [nzPlaceHolder]="'service.tickets.status' | translate"
            [nzMaxTagCount]="1"
            [ngModel]="store.filter().status"
            (ngModelChange)="apply({ status: $event })"
            data-test="filter-status"
          >
            @for (s of statuses; track s) {
              <nz-option [nzValue]="s" [nzLabel]="'service.ticketStatus.' + s | translate" />
            }
          </nz-select>
        }
        <app-dictionary-select
          class="w160"
          [type]="dict.category"
          [multiple]="true"
          [placeholder]="'service.tickets.category' | translate"
          [ngModel]="store.filter().category"
          (ngModelChange)="apply({ category: $event })"
          data-test="filter-category"
        />
        <app-dictionary-select
          class="w160"
          [type]="dict.priority"
          [multiple]="true"
          [placeholder]="'service.tickets.priority' | translate"
          [ngModel]="store.filter().priority"
          (ngModelChange)="apply({ priority: $event })"
          data-test="filter-priority"
        />
        @if (view() === 'all') {
          <nz-select
            class="w160"
            nzAllowClear
            nzShowSearch
            [nzPlaceHolder]="'service.tickets.assignee' | translate"
            [ngModel]="store.filter().assigneeId"
            (ngModelChange)="apply({ assigneeId: $event })"
            data-test="filter-assignee"
          >
            @for (u of store.users(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
            }
          </nz-select>
        }
        <nz-select
          class="w200"
          nzAllowClear
          nzShowSearch
          nzServerSearch
          [nzPlaceHolder]="'service.tickets.customer' | translate"
          [ngModel]="store.filter().customerId"
          (ngModelChange)="apply({ customerId: $event })"
          (nzOnSearch)="searchCustomers($event)"
          (nzOpenChange)="$event && customers().length === 0 && searchCustomers('')"
          data-test="filter-customer"
        >
          @for (c of customers(); track c.id) {
            <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
          }
        </nz-select>
        <nz-range-picker [ngModel]="createdRange()" (ngModelChange)="applyRange($event)" data-test="filter-created" />
        <label nz-checkbox [ngModel]="store.filter().overdue" (ngModelChange)="apply({ overdue: $event })" data-test="filter-overdue">
          {{ 'service.tickets.overdueOnly' | translate }}
        </label>
        @if (filterCount()) {
          <button nz-button nzType="link" (click)="reset()" data-test="filter-reset">{{ 'service.common.resetFilters' | translate }} ({{ filterCount() }})</button>
        }
      </div>

      <nz-table
        #table
        [nzData]="store.items()"
        [nzFrontPagination]="false"
        [nzShowPagination]="false"
        [nzLoading]="store.loading()"
        [nzNoResult]="emptyTemplate"
        nzSize="middle"
        [nzScroll]="{ x: '1500px' }"
        data-test="ticket-table"
      >
        <thead>
          <tr>
            <th nzWidth="130px" [nzSortOrder]="sortOrder('number')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('number', $event)">{{ 'service.tickets.number' | translate }}</th>
            <th nzWidth="240px" [nzSortOrder]="sortOrder('title')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('title', $event)">{{ 'service.tickets.title' | translate }}</th>
            <th nzWidth="180px">{{ 'service.tickets.customer' | translate }}</th>
            <th nzWidth="110px">{{ 'service.tickets.category' | translate }}</th>
            <th nzWidth="100px" [nzSortOrder]="sortOrder('priority')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('priority', $event)">{{ 'service.tickets.priority' | translate }}</th>
            <th nzWidth="120px" [nzSortOrder]="sortOrder('status')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('status', $event)">{{ 'service.tickets.status' | translate }}</th>
            <th nzWidth="120px">{{ 'service.tickets.assignee' | translate }}</th>
            <th nzWidth="210px" [nzSortOrder]="sortOrder('resolutionDueAt')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('resolutionDueAt', $event)">{{ 'service.tickets.due' | translate }}</th>
            <th nzWidth="160px" [nzSortOrder]="sortOrder('createdAt')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('createdAt', $event)">{{ 'service.tickets.createdAt' | translate }}</th>
            @if (view() === 'queue') {
              <th nzWidth="100px" nzRight></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (t of table.data; track t.id) {
            <tr [attr.data-test]="'ticket-row-' + t.number">
              <td><a [routerLink]="['/service/tickets', t.id]" data-test="ticket-link">{{ t.number }}</a></td>
              <td>{{ t.title }}</td>
              <td>{{ t.customerName }}</td>
              <td><app-dictionary-tag [type]="dict.category" [code]="t.categoryCode" /></td>
              <td><app-dictionary-tag [type]="dict.priority" [code]="t.priorityCode" [tag]="true" /></td>
              <td><app-service-status-tag [status]="t.status" /></td>
              <td data-test="ticket-assignee">{{ t.assigneeName ?? ('service.tickets.unassigned' | translate) }}</td>
              <td>
                @if (due(t); as d) {
                  <app-due-badge [dueAt]="d.dueAt" [state]="d.state" [label]="'service.tickets.' + d.kind + 'Due'" />
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td>{{ t.createdAt | localDate }}</td>
              @if (view() === 'queue') {
                <td nzRight>
                  <button nz-button nzType="primary" nzSize="small" [nzLoading]="store.grabbing() === t.id" (click)="grab(t)" data-test="ticket-grab">
                    {{ 'service.tickets.grab' | translate }}
                  </button>
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
      <div class="pager" data-test="pager">
        <span class="muted">{{ 'service.common.total' | translate: { total: (store.total() | listTotal: store.totalIsLowerBound()) } }}</span>
        <nz-pagination
          [nzPageIndex]="store.page()"
          [nzPageSize]="store.pageSize()"
          [nzTotal]="store.total()"
          nzShowSizeChanger
          [nzPageSizeOptions]="[10, 20, 50, 100]"
          (nzPageIndexChange)="store.setPage($event)"
          (nzPageSizeChange)="store.setPageSize($event)"
        />
      </div>
    </div>

    <ng-template #emptyTemplate>
      <nz-empty
        data-test="ticket-empty"
        [nzNotFoundContent]="(store.failed() ? 'service.common.loadFailed' : filterCount() ? 'service.common.emptyFiltered' : 'service.tickets.' + view() + '.empty') | translate"
      />
    </ng-template>

    <app-ticket-form-drawer [open]="creating()" (closed)="creating.set(false)" (saved)="created($event.id)" />
  `,
  styles: `
    .search { width: 220px; }
    .w160 { width: 160px; }
    .w180 { width: 180px; }
    .w200 { width: 200px; }
    .head-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketListPage implements OnInit {
  protected readonly store = inject(TicketListStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly lookups = inject(ServiceLookups);
  protected readonly permissions = inject(PermissionStore);

  protected readonly view = signal<TicketView>('all');
  protected readonly statuses = TICKET_STATUSES;
  protected readonly dict = TICKET_DICTIONARIES;
  protected readonly creating = signal(false);
  protected readonly customers = signal<NamedRef[]>([]);
  protected readonly filterCount = computed(() => activeTicketFilters(this.store.filter()));
  protected readonly createdRange = computed(() => {
    const f = this.store.filter();
    return f.createdFrom && f.createdTo ? [new Date(f.createdFrom), new Date(Date.parse(f.createdTo) - 1)] : [];
  });
  /** the clock the badges compare with, renewed with every load */
  private readonly now = computed(() => (this.store.items(), Date.now()));

  ngOnInit(): void {
    this.view.set((this.route.snapshot.data['view'] as TicketView) ?? 'all');
    this.store.init(this.view()).catch((e) => this.problems.show(e));
    void this.store.loadOptions();
  }

  protected due(row: TicketRow) {
    return ticketDue(row, this.now());
  }

  protected apply(change: Parameters<typeof this.store.applyFilter>[0]): void {
    this.store.applyFilter(change).catch((e) => this.problems.show(e));
  }

  protected applyRange(range: Date[] | null): void {
    if (!range || range.length < 2) {
      this.apply({ createdFrom: null, createdTo: null });
      return;
    }
    const from = new Date(range[0].getFullYear(), range[0].getMonth(), range[0].getDate());
    const to = new Date(range[1].getFullYear(), range[1].getMonth(), range[1].getDate() + 1);
    this.apply({ createdFrom: from.toISOString(), createdTo: to.toISOString() });
  }

  protected reset(): void {
    this.store.resetFilter().catch((e) => this.problems.show(e));
  }

  protected reload(): void {
    this.store.load().catch((e) => this.problems.show(e));
  }

  protected sortOrder(field: TicketSortField): NzTableSortOrder {
    const sort = this.store.sort();
    return sort.field === field ? (sort.descending ? 'descend' : 'ascend') : null;
  }

  protected sortBy(field: TicketSortField, order: string | null): void {
    this.store.setSort(order ? { field, descending: order === 'descend' } : null).catch((e) => this.problems.show(e));
  }

  protected async searchCustomers(text: string): Promise<void> {
    this.customers.set(await this.lookups.searchCustomers(text).catch(() => []));
  }

  protected async grab(row: TicketRow): Promise<void> {
    try {
      await this.store.grab(row.id);
      this.message.success(this.translate.instant('service.tickets.grabbed', { number: row.number }));
      void this.router.navigate(['/service/tickets', row.id]);
    } catch (error) {
      // lost the race: the server says who was faster; the queue was read again
      this.problems.show(error);
    }
  }

  protected created(id: string): void {
    this.creating.set(false);
    void this.router.navigate(['/service/tickets', id]);
  }
}
