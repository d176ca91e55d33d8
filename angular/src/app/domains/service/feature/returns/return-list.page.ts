import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe, LocalNumberPipe } from '../../../../core/i18n/format.pipes';
import { ReturnListStore } from '../../data/return-list.store';
import { RETURN_KINDS, RETURN_STATUS_COLORS, RETURN_STATUSES, RETURN_VIEWS, ReturnFilter, ReturnSortField } from '../../model/return';
import { ReturnFormDrawer } from './return-form.drawer';

/** Return and compensation entries I may see: views (mine, waiting for my approval, my departments'), filters, sort, pages. */
@Component({
  selector: 'app-return-list-page',
  imports: [
    FormsModule, RouterLink, TranslatePipe, ListTotalPipe, LocalDatePipe, LocalNumberPipe, ReturnFormDrawer,
    NzTableModule, NzTabsModule, NzButtonModule, NzInputModule, NzSelectModule, NzIconModule, NzEmptyModule, NzPaginationModule, NzTagModule,
  ],
  providers: [ReturnListStore],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'returns.title' | translate }}</h2>
          <span class="muted">{{ 'returns.subtitle' | translate }}</span>
        </div>
        <div class="head-actions">
          <button nz-button (click)="reload()"><nz-icon nzType="reload" /> {{ 'returns.refresh' | translate }}</button>
          <button nz-button nzType="primary" (click)="creating.set(true)" data-test="return-create"><nz-icon nzType="plus" /> {{ 'returns.create' | translate }}</button>
        </div>
      </div>
      <nz-tabs [nzSelectedIndex]="viewIndex()" (nzSelectedIndexChange)="apply({ view: views[$event] })" nzSize="small">
        @for (v of views; track v) {
          <nz-tab [nzTitle]="'returns.view.' + v | translate" />
        }
      </nz-tabs>
      <div class="toolbar">
        <input nz-input class="search" [placeholder]="'returns.searchPlaceholder' | translate" [ngModel]="store.filter().search"
          (keyup.enter)="apply({ search: $any($event.target).value })"
          (blur)="$any($event.target).value !== store.filter().search && apply({ search: $any($event.target).value })" />
        <nz-select nzMode="multiple" class="w200" [nzMaxTagCount]="1" [nzPlaceHolder]="'returns.kind' | translate" [ngModel]="store.filter().kind" (ngModelChange)="apply({ kind: $event })">
          @for (k of kinds; track k) { <nz-option [nzValue]="k" [nzLabel]="'returns.kinds.' + k | translate" /> }
        </nz-select>
        <nz-select nzMode="multiple" class="w180" [nzMaxTagCount]="1" [nzPlaceHolder]="'returns.status' | translate" [ngModel]="store.filter().status" (ngModelChange)="apply({ status: $event })">
          @for (s of statuses; track s) { <nz-option [nzValue]="s" [nzLabel]="'returns.statuses.' + s | translate" /> }
        </nz-select>
        @if (filterCount()) {
          <button nz-button nzType="link" (click)="reset()">{{ 'returns.resetFilters' | translate }} ({{ filterCount() }})</button>
        }
      </div>
      <nz-table #table [nzData]="store.rows()" [nzFrontPagination]="false" [nzShowPagination]="false" [nzLoading]="store.loading()" [nzNoResult]="emptyTemplate"
        nzSize="middle" [nzScroll]="{ x: '1250px' }" data-test="return-table">
        <thead>
          <tr>
            <th nzWidth="150px" [nzSortOrder]="sortOrder('number')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('number', $event)">{{ 'returns.number' | translate }}</th>
            <th nzWidth="130px" [nzSortOrder]="sortOrder('kind')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('kind', $event)">{{ 'returns.kind' | translate }}</th>
            <th nzWidth="150px" [nzSortOrder]="sortOrder('status')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('status', $event)">{{ 'returns.status' | translate }}</th>
            <th nzWidth="150px">{{ 'returns.fields.customerName' | translate }}</th>
            <th nzWidth="130px">{{ 'returns.fields.orderNumber' | translate }}</th>
            <th nzWidth="140px" nzAlign="right" [nzSortOrder]="sortOrder('amount')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('amount', $event)">{{ 'returns.fields.amount' | translate }}</th>
            <th nzWidth="140px">{{ 'returns.fields.departmentId' | translate }}</th>
            <th nzWidth="120px">{{ 'returns.approver' | translate }}</th>
            <th nzWidth="160px" [nzSortOrder]="sortOrder('createdAt')" [nzSortFn]="true" (nzSortOrderChange)="sortBy('createdAt', $event)">{{ 'returns.createdAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.id) {
            <tr [attr.data-test]="'return-row-' + r.number">
              <td><a [routerLink]="['/service/returns', r.id]">{{ r.number }}</a></td>
              <td>{{ 'returns.kinds.' + r.kind | translate }}</td>
              <td><nz-tag [nzColor]="statusColors[r.status]" data-test="return-row-status">{{ 'returns.statuses.' + r.status | translate }}</nz-tag></td>
              <td>{{ r.customerName ?? '—' }}</td>
              <td>{{ r.orderNumber ?? '—' }}</td>
              <td class="num">@if (r.amount !== null && r.amount !== undefined) { {{ r.amount | localNumber: money }} {{ r.currencyCode }} } @else { — }</td>
              <td>{{ r.departmentName ?? '—' }}</td>
              <td>{{ r.approverName ?? '—' }}</td>
              <td>{{ r.createdAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <div class="pager">
        <span class="muted">{{ 'returns.total' | translate: { total: (store.total() | listTotal: store.totalIsLowerBound()) } }}</span>
        <nz-pagination [nzPageIndex]="store.page()" [nzPageSize]="store.pageSize()" [nzTotal]="store.total()" nzShowSizeChanger [nzPageSizeOptions]="[10, 20, 50, 100]"
          (nzPageIndexChange)="store.setPage($event)" (nzPageSizeChange)="store.setPageSize($event)" />
      </div>
    </div>
    <ng-template #emptyTemplate>
      <nz-empty [nzNotFoundContent]="(store.failed() ? 'returns.loadFailed' : filterCount() ? 'returns.emptyFiltered' : 'returns.empty') | translate" />
    </ng-template>
    <app-return-form-drawer [open]="creating()" (closed)="creating.set(false)" (saved)="created($event.id)" />
  `,
  styles: `
    .search { width: 240px; }
    .w180 { width: 180px; }
    .w200 { width: 200px; }
    .num { text-align: right; }
    .head-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReturnListPage implements OnInit {
  protected readonly store = inject(ReturnListStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly router = inject(Router);

  protected readonly views = RETURN_VIEWS;
  protected readonly kinds = RETURN_KINDS;
  protected readonly statuses = RETURN_STATUSES;
  protected readonly statusColors = RETURN_STATUS_COLORS;
  protected readonly creating = signal(false);
  protected readonly money = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  protected readonly viewIndex = computed(() => this.views.indexOf(this.store.filter().view));
  protected readonly filterCount = computed(() => {
    const f = this.store.filter();
    return [f.search.trim(), f.kind.length, f.status.length].filter(Boolean).length;
  });

  ngOnInit(): void {
    this.reload();
  }

  protected apply(change: Partial<ReturnFilter>): void {
    this.store.applyFilter(change).catch((e) => this.problems.show(e));
  }

  protected reset(): void {
    this.store.resetFilter().catch((e) => this.problems.show(e));
  }

  protected reload(): void {
    this.store.load().catch((e) => this.problems.show(e));
  }

  protected sortOrder(field: ReturnSortField): NzTableSortOrder {
    const sort = this.store.sort();
    return sort.field === field ? (sort.descending ? 'descend' : 'ascend') : null;
  }

  protected sortBy(field: ReturnSortField, order: string | null): void {
    this.store.setSort(order ? { field, descending: order === 'descend' } : null).catch((e) => this.problems.show(e));
  }

  protected created(id: string): void {
    this.creating.set(false);
    void this.router.navigate(['/service/returns', id]);
  }
}
