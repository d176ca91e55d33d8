import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../../core/i18n/format.pipes';
import { DictionarySelect } from '../../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../../shared/ui/dictionary-tag';
import { ConsultationListStore } from '../../data/consultation-list.store';
import {
  CONSULTATION_DICTIONARIES,
  CONSULTATION_STATUSES,
  CONSULTATION_VIEWS,
  ConsultationFilter,
  ConsultationSortField,
  ConsultationStatus,
} from '../../model/consultation';
import { ConsultationFormDrawer } from './consultation-form.drawer';

export const CONSULTATION_STATUS_COLORS: Record<ConsultationStatus, string> = {
  Open: 'default',
  Transferred: 'processing',
  DepartmentAnswered: 'orange',
  Answered: 'green',
};

/** Consultations I may see: views (recorded by me, my departments', assigned to me), filters, sort, pages. */
@Component({
  selector: 'app-consultation-list-page',
  imports: [
    FormsModule, RouterLink, TranslatePipe, ListTotalPipe, LocalDatePipe, DictionarySelect, DictionaryTag, ConsultationFormDrawer,
    NzTableModule, NzTabsModule, NzButtonModule, NzInputModule, NzSelectModule, NzIconModule, NzCheckboxModule, NzEmptyModule, NzPaginationModule, NzTagModule,
  ],
  providers: [ConsultationListStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'consultations.title' | translate }}</h2>
          <span class="muted">{{ 'consultations.subtitle' | translate }}</span>
        </div>
        <div class="head-actions">
          <button nz-button (click)="reload()"><nz-icon nzType="reload" /> {{ 'consultations.refresh' | translate }}</button>
          <button nz-button nzType="primary" (click)="creating.set(true)" data-test="consultation-create"><nz-icon nzType="plus" /> {{ 'consultations.create' | translate }}</button>
        </div>
      </div>
      <nz-tabs [nzSelectedIndex]="viewIndex()" (nzSelectedIndexChange)="apply({ view: views[$event] })" nzSize="small">
        @for (v of views; track v) {
          <nz-tab [nzTitle]="'consultations.view.' + v | translate" />
        }
      </nz-tabs>
      <div class="toolbar">
        <input nz-input class="search" [placeholder]="'consultations.searchPlaceholder' | translate" [ngModel]="store.filter().search"
          (keyup.enter)="apply({ search: $any($event.target).value })"
          (blur)="$any($event.target).value !== store.filter().search && apply({ search: $any($event.target).value })" />
        <nz-select nzMode="multiple" class="w180" [nzMaxTagCount]="1" [nzPlaceHolder]="'consultations.status' | translate" [ngModel]="store.filter().status" (ngModelChange)="apply({ status: $event })">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'consultations.statuses.' + s | translate" />
          }
        </nz-select>
        <app-dictionary-select class="w180" [type]="dict.type" [multiple]="true" [placeholder]="'consultations.type' | translate" [ngModel]="store.filter().type" (ngModelChange)="apply({ type: $event })" />
        <label nz-checkbox [ngModel]="store.filter().overdue" (ngModelChange)="apply({ overdue: $event })">{{ 'consultations.overdueOnly' | translate }}</label>
        @if (filterCount()) {
          <button nz-button nzType="link" (click)="reset()">{{ 'consultations.resetFilters' | translate }} ({{ filterCount() }})</button>
        }
      </div>
      <nz-table #table [nzData]="store.rows()" [nzFrontPagination]="false" [nzShowPagination]="false" [nzLoading]="store.loading()" [nzNoResult]="emptyTemplate"
        nzSize="middle" [nzScroll]="{ x: '1300px' }" data-test="consultation-table">
        <thead>
          <tr>
            <th nzWidth="150px" [nzSortOrder]="sortOrder('number')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('number', $event)">{{ 'consultations.number' | translate }}</th>
            <th nzWidth="120px" [nzSortOrder]="sortOrder('type')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('type', $event)">{{ 'consultations.type' | translate }}</th>
            <th nzWidth="260px">{{ 'consultations.content' | translate }}</th>
            <th nzWidth="150px">{{ 'consultations.customer' | translate }}</th>
            <th nzWidth="110px">{{ 'consultations.brand' | translate }}</th>
            <th nzWidth="130px" [nzSortOrder]="sortOrder('status')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('status', $event)">{{ 'consultations.status' | translate }}</th>
            <th nzWidth="140px">{{ 'consultations.department' | translate }}</th>
            <th nzWidth="170px" [nzSortOrder]="sortOrder('deadline')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('deadline', $event)">{{ 'consultations.deadline' | translate }}</th>
            <th nzWidth="160px" [nzSortOrder]="sortOrder('createdAt')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('createdAt', $event)">{{ 'consultations.createdAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of table.data; track c.id) {
            <tr [attr.data-test]="'consultation-row-' + c.number">
              <td><a [routerLink]="['/service/consultations', c.id]">{{ c.number }}</a></td>
              <td><app-dictionary-tag [type]="dict.type" [code]="c.enquiryTypeCode" /></td>
              <td class="content">{{ c.content }}</td>
              <td>{{ c.customerName ?? c.contactName ?? '—' }}</td>
              <td>@if (c.brandCode) { <app-dictionary-tag [type]="dict.brand" [code]="c.brandCode" /> } @else { — }</td>
              <td><nz-tag [nzColor]="statusColors[c.status]">{{ 'consultations.statuses.' + c.status | translate }}</nz-tag></td>
              <td>{{ c.departmentName ?? '—' }}</td>
              <td>
                @if (c.deadline) {
                  <span [class.overdue]="c.isOverdue">{{ c.deadline | localDate }}</span>
                  @if (c.isOverdue) { <nz-tag nzColor="red">{{ 'consultations.overdue' | translate }}</nz-tag> }
                  @if (+c.escalationLevel > 0) { <nz-tag nzColor="volcano">L{{ c.escalationLevel }}</nz-tag> }
                } @else { <span class="muted">—</span> }
              </td>
              <td>{{ c.createdAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <div class="pager">
        <span class="muted">{{ 'consultations.total' | translate: { total: (store.total() | listTotal: store.totalIsLowerBound()) } }}</span>
        <nz-pagination [nzPageIndex]="store.page()" [nzPageSize]="store.pageSize()" [nzTotal]="store.total()" nzShowSizeChanger [nzPageSizeOptions]="[10, 20, 50, 100]"
          (nzPageIndexChange)="store.setPage($event)" (nzPageSizeChange)="store.setPageSize($event)" />
      </div>
    </div>
    <ng-template #emptyTemplate>
      <nz-empty [nzNotFoundContent]="(store.failed() ? 'consultations.loadFailed' : filterCount() ? 'consultations.emptyFiltered' : 'consultations.empty') | translate" />
    </ng-template>
    <app-consultation-form-drawer [open]="creating()" (closed)="creating.set(false)" (saved)="created($event.id)" />
  `,
  styles: `
    .search { width: 220px; }
    .w180 { width: 180px; }
    .head-actions { display: flex; gap: 8px; }
    .content { max-width: 260px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .overdue { color: #cf1322; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationListPage implements OnInit {
  protected readonly store = inject(ConsultationListStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly router = inject(Router);

  protected readonly views = CONSULTATION_VIEWS;
  protected readonly statuses = CONSULTATION_STATUSES;
  protected readonly statusColors = CONSULTATION_STATUS_COLORS;
  protected readonly dict = CONSULTATION_DICTIONARIES;
  protected readonly creating = signal(false);
  protected readonly viewIndex = computed(() => this.views.indexOf(this.store.filter().view));
  protected readonly filterCount = computed(() => {
    const f = this.store.filter();
    return [f.search.trim(), f.status.length, f.type.length, f.overdue].filter(Boolean).length;
  });

  ngOnInit(): void {
    this.reload();
  }

  protected apply(change: Partial<ConsultationFilter>): void {
    this.store.applyFilter(change).catch((e) => this.problems.show(e));
  }

  protected reset(): void {
    this.store.resetFilter().catch((e) => this.problems.show(e));
  }

  protected reload(): void {
    this.store.load().catch((e) => this.problems.show(e));
  }

  protected sortOrder(field: ConsultationSortField): NzTableSortOrder {
    const sort = this.store.sort();
    return sort.field === field ? (sort.descending ? 'descend' : 'ascend') : null;
  }

  protected sortBy(field: ConsultationSortField, order: string | null): void {
    this.store.setSort(order ? { field, descending: order === 'descend' } : null).catch((e) => this.problems.show(e));
  }

  protected created(id: string): void {
    this.creating.set(false);
    void this.router.navigate(['/service/consultations', id]);
  }
}
