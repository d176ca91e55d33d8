import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { ComplaintListStore } from '../data/complaint-list.store';
import {
  COMPLAINT_DICTIONARIES,
  COMPLAINT_STATUSES,
  COMPLAINT_VIEWS,
  ComplaintFilter,
  ComplaintRow,
  ComplaintSortField,
  isOpenComplaint,
} from '../model/complaint';
import { dueState } from '../model/ticket';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { DueBadge } from '../ui/due-badge';
import { ServiceStatusTag } from '../ui/status-tag';
import { ComplaintFormDrawer } from './complaint-form.drawer';

/** Complaints I may see: views, filters, deadlines, escalation level and round. */
@Component({
  selector: 'app-complaint-list-page',
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
    ComplaintFormDrawer,
    NzTableModule,
    NzTabsModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzDatePickerModule,
    NzIconModule,
    NzCheckboxModule,
    NzEmptyModule,
    NzPaginationModule,
    NzTagModule,
  ],
  providers: [ComplaintListStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'service.complaints.title' | translate }}</h2>
          <span class="muted">{{ 'service.complaints.subtitle' | translate }}</span>
        </div>
        <div class="head-actions">
          <button nz-button (click)="reload()"><nz-icon nzType="reload" /> {{ 'service.common.refresh' | translate }}</button>
          <button nz-button nzType="primary" (click)="creating.set(true)" data-test="complaint-create"><nz-icon nzType="plus" /> {{ 'service.complaints.create' | translate }}</button>
        </div>
      </div>
      <nz-tabs [nzSelectedIndex]="viewIndex()" (nzSelectedIndexChange)="apply({ view: views[$event] })" nzSize="small">
        @for (v of views; track v) {
          <nz-tab [nzTitle]="'service.complaints.view.' + v | translate" />
        }
      </nz-tabs>
      <div class="toolbar" data-test="complaint-filters">
        <input
          nz-input
          class="search"
          [placeholder]="'service.complaints.searchPlaceholder' | translate"
          [ngModel]="store.filter().search"
          (keyup.enter)="apply({ search: $any($event.target).value })"
          (blur)="$any($event.target).value !== store.filter().search && apply({ search: $any($event.target).value })"
        />
        <nz-select nzMode="multiple" class="w180" [nzMaxTagCount]="1" [nzPlaceHolder]="'service.complaints.status' | translate" [ngModel]="store.filter().status" (ngModelChange)="apply({ status: $event })" data-test="filter-status">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'service.complaintStatus.' + s | translate" />
          }
        </nz-select>
        <app-dictionary-select class="w160" [type]="dict.type" [multiple]="true" [placeholder]="'service.complaints.type' | translate" [ngModel]="store.filter().type" (ngModelChange)="apply({ type: $event })" />
        <app-dictionary-select class="w160" [type]="dict.severity" [multiple]="true" [placeholder]="'service.complaints.severity' | translate" [ngModel]="store.filter().severity" (ngModelChange)="apply({ severity: $event })" />
        <nz-select class="w180" nzAllowClear nzShowSearch [nzPlaceHolder]="'service.complaints.department' | translate" [ngModel]="store.filter().departmentId" (ngModelChange)="apply({ departmentId: $event })">
          @for (d of store.departments(); track d.id) {
            <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
          }
        </nz-select>
        <nz-range-picker [ngModel]="createdRange()" (ngModelChange)="applyRange($event)" />
        <label nz-checkbox [ngModel]="store.filter().overdue" (ngModelChange)="apply({ overdue: $event })">{{ 'service.complaints.overdueOnly' | translate }}</label>
        <label nz-checkbox [ngModel]="store.filter().reopenedOnly" (ngModelChange)="apply({ reopenedOnly: $event })" data-test="filter-reopened">{{ 'service.complaints.reopenedOnly' | translate }}</label>
        @if (filterCount()) {
          <button nz-button nzType="link" (click)="reset()">{{ 'service.common.resetFilters' | translate }} ({{ filterCount() }})</button>
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
        data-test="complaint-table"
      >
        <thead>
          <tr>
            <th nzWidth="130px" [nzSortOrder]="sortOrder('number')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('number', $event)">{{ 'service.complaints.number' | translate }}</th>
            <th nzWidth="240px" [nzSortOrder]="sortOrder('title')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('title', $event)">{{ 'service.complaints.subject' | translate }}</th>
            <th nzWidth="180px">{{ 'service.complaints.customer' | translate }}</th>
            <th nzWidth="120px" [nzSortOrder]="sortOrder('type')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('type', $event)">{{ 'service.complaints.type' | translate }}</th>
            <th nzWidth="100px" [nzSortOrder]="sortOrder('severity')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('severity', $event)">{{ 'service.complaints.severity' | translate }}</th>
            <th nzWidth="120px" [nzSortOrder]="sortOrder('status')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('status', $event)">{{ 'service.complaints.status' | translate }}</th>
            <th nzWidth="140px">{{ 'service.complaints.department' | translate }}</th>
            <th nzWidth="210px" [nzSortOrder]="sortOrder('deadline')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('deadline', $event)">{{ 'service.complaints.deadline' | translate }}</th>
            <th nzWidth="80px" [nzSortOrder]="sortOrder('round')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('round', $event)">{{ 'service.complaints.round' | translate }}</th>
            <th nzWidth="90px">{{ 'service.complaints.escalation' | translate }}</th>
            <th nzWidth="160px" [nzSortOrder]="sortOrder('createdAt')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('createdAt', $event)">{{ 'service.complaints.createdAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of table.data; track c.id) {
            <tr [attr.data-test]="'complaint-row-' + c.number">
              <td><a [routerLink]="['/service/complaints', c.id]">{{ c.number }}</a></td>
              <td>{{ c.title }}</td>
              <td>{{ c.customerName }}</td>
              <td><app-dictionary-tag [type]="dict.type" [code]="c.typeCode" /></td>
              <td><app-dictionary-tag [type]="dict.severity" [code]="c.severityCode" [tag]="true" /></td>
              <td><app-service-status-tag kind="complaint" [status]="c.status" /></td>
              <td>{{ c.departmentName ?? '—' }}</td>
              <td><app-due-badge [dueAt]="c.deadline" [state]="deadlineState(c)" /></td>
              <td data-test="complaint-round">
                @if (+c.round > 1) {
                  <nz-tag nzColor="volcano">{{ c.round }}</nz-tag>
                } @else {
                  {{ c.round }}
                }
              </td>
              <td>
                @if (+c.escalationLevel > 0) {
                  <nz-tag nzColor="red">L{{ c.escalationLevel }}</nz-tag>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td>{{ c.createdAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <div class="pager">
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
      <nz-empty [nzNotFoundContent]="(store.failed() ? 'service.common.loadFailed' : filterCount() ? 'service.common.emptyFiltered' : 'service.complaints.empty') | translate" />
    </ng-template>
    <app-complaint-form-drawer [open]="creating()" [canTransfer]="canManage()" (closed)="creating.set(false)" (saved)="created($event.id)" />
  `,
  styles: `
    .search { width: 220px; }
    .w160 { width: 160px; }
    .w180 { width: 180px; }
    .head-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplaintListPage implements OnInit {
  protected readonly store = inject(ComplaintListStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly router = inject(Router);
  private readonly permissions = inject(PermissionStore);

  protected readonly views = COMPLAINT_VIEWS;
  protected readonly statuses = COMPLAINT_STATUSES;
  protected readonly dict = COMPLAINT_DICTIONARIES;
  protected readonly creating = signal(false);
  protected readonly canManage = computed(() => this.permissions.has('Service.Complaints.Manage'));
  protected readonly viewIndex = computed(() => this.views.indexOf(this.store.filter().view));
  protected readonly filterCount = computed(() => {
    const f = this.store.filter();
    return [f.search.trim(), f.status.length, f.type.length, f.severity.length, f.departmentId, f.overdue, f.reopenedOnly, f.createdFrom].filter(Boolean).length;
  });
  protected readonly createdRange = computed(() => {
    const f = this.store.filter();
    return f.createdFrom && f.createdTo ? [new Date(f.createdFrom), new Date(Date.parse(f.createdTo) - 1)] : [];
  });
  private readonly now = computed(() => (this.store.rows(), Date.now()));

  ngOnInit(): void {
    this.store.load().catch((e) => this.problems.show(e));
    void this.store.loadOptions();
  }

  protected deadlineState(c: ComplaintRow) {
    if (!isOpenComplaint(c.status)) return 'none';
    if (c.isOverdue) return 'overdue';
    return dueState(c.deadline, this.now(), c.status === 'Replied' || c.status === 'ReturnVisitPending', c.createdAt);
  }

  protected apply(change: Partial<ComplaintFilter>): void {
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

  protected sortOrder(field: ComplaintSortField): NzTableSortOrder {
    const sort = this.store.sort();
    return sort.field === field ? (sort.descending ? 'descend' : 'ascend') : null;
  }

  protected sortBy(field: ComplaintSortField, order: string | null): void {
    this.store.setSort(order ? { field, descending: order === 'descend' } : null).catch((e) => this.problems.show(e));
  }

  protected created(id: string): void {
    this.creating.set(false);
    void this.router.navigate(['/service/complaints', id]);
  }
}
