import { ChangeDetectionStrategy, Component, inject, input, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { CallLogStore } from '../data/call-log.store';
import { CallLogFilter, callStatusColor, formatDuration } from '../model/callcenter';
import type { CallLogDto } from '../../../shared/api/generated';

/** Calls in my data scope: direction and number filters, a customer's calls (?customerId=), recordings, pages. */
@Component({
  selector: 'app-call-logs-page',
  imports: [FormsModule, RouterLink, TranslatePipe, ListTotalPipe, LocalDatePipe, NzButtonModule, NzEmptyModule, NzIconModule, NzInputModule, NzPaginationModule, NzSelectModule, NzTableModule, NzTagModule],
  providers: [CallLogStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .w160 { width: 160px; }
    .search { width: 220px; }
  `,
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'callcenter.calls.title' | translate }}</h2>
          <span class="muted">{{ 'callcenter.calls.subtitle' | translate }}</span>
        </div>
        <button nz-button (click)="reload()"><nz-icon nzType="reload" /> {{ 'callcenter.common.refresh' | translate }}</button>
      </div>
      <div class="toolbar">
        <input nz-input class="search" [placeholder]="'callcenter.calls.numberPlaceholder' | translate" [ngModel]="store.filter().number"
          (keyup.enter)="apply({ number: $any($event.target).value })" data-test="call-filter-number" />
        <nz-select class="w160" nzAllowClear [nzPlaceHolder]="'callcenter.calls.direction' | translate" [ngModel]="store.filter().direction" (ngModelChange)="apply({ direction: $event })">
          <nz-option nzValue="In" [nzLabel]="'callcenter.direction.In' | translate" />
          <nz-option nzValue="Out" [nzLabel]="'callcenter.direction.Out' | translate" />
        </nz-select>
        @if (store.filter().customerId) {
          <nz-tag nzMode="closeable" (nzOnClose)="apply({ customerId: null })">{{ 'callcenter.calls.oneCustomer' | translate }}</nz-tag>
        }
      </div>
      <nz-table #table [nzData]="store.items()" [nzFrontPagination]="false" [nzShowPagination]="false" [nzLoading]="store.loading()" [nzNoResult]="empty" nzSize="middle" data-test="call-table">
        <thead>
          <tr>
            <th nzWidth="90px">{{ 'callcenter.calls.direction' | translate }}</th>
            <th>{{ 'callcenter.calls.number' | translate }}</th>
            <th>{{ 'callcenter.calls.customer' | translate }}</th>
            <th>{{ 'callcenter.calls.contact' | translate }}</th>
            <th>{{ 'callcenter.calls.agent' | translate }}</th>
            <th nzWidth="170px">{{ 'callcenter.calls.startedAt' | translate }}</th>
            <th nzWidth="100px">{{ 'callcenter.calls.status' | translate }}</th>
            <th nzWidth="90px">{{ 'callcenter.calls.duration' | translate }}</th>
            <th>{{ 'callcenter.calls.recording' | translate }}</th>
            <th>{{ 'callcenter.calls.note' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of table.data; track c.id) {
            <tr data-test="call-row">
              <td><nz-tag [nzColor]="c.direction === 'In' ? 'blue' : 'green'">{{ 'callcenter.direction.' + c.direction | translate }}</nz-tag></td>
              <td>{{ c.number }}</td>
              <td>
                @if (c.customerId && c.customerName) {
                  <a [routerLink]="['/customers', c.customerId]">{{ c.customerName }}</a>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td>{{ c.contactName ?? '—' }}</td>
              <td>{{ c.agentName ?? '—' }} @if (c.agentExtension) { <span class="muted">({{ c.agentExtension }})</span> }</td>
              <td>{{ c.startedAt | localDate }}</td>
              <td>
                <nz-tag [nzColor]="statusColor(c.status)" [title]="statusTitle(c)" data-test="call-status">{{ 'callcenter.status.' + c.status | translate }}</nz-tag>
              </td>
              <td>{{ duration(c.durationSeconds) }}</td>
              <td>
                @if (c.recordingUrl) {
                  <a [href]="c.recordingUrl" target="_blank" rel="noopener noreferrer"><nz-icon nzType="sound" /> {{ 'callcenter.calls.listen' | translate }}</a>
                }
              </td>
              <td>{{ c.note }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <div class="pager">
        <span class="muted">{{ 'callcenter.common.total' | translate: { total: (store.total() | listTotal: store.totalIsLowerBound()) } }}</span>
        <nz-pagination [nzPageIndex]="store.page()" [nzPageSize]="store.pageSize()" [nzTotal]="store.total()" nzShowSizeChanger
          (nzPageIndexChange)="page($event)" (nzPageSizeChange)="pageSize($event)" />
      </div>
    </div>
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="(store.failed() ? 'callcenter.common.loadFailed' : 'callcenter.calls.empty') | translate" />
    </ng-template>
  `,
})
export class CallLogsPage implements OnInit {
  /** `?customerId=` from a customer's 360 slot. */
  readonly customerId = input<string | undefined>();
  protected readonly store = inject(CallLogStore);
  private readonly problems = inject(ProblemMessageService);
  protected readonly duration = formatDuration;
  protected readonly statusColor = callStatusColor;
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  /** The answer and hang-up times behind the status, on hover. */
  protected statusTitle(c: CallLogDto): string {
    const format = new Intl.DateTimeFormat(this.language.current(), { dateStyle: 'medium', timeStyle: 'medium' });
    const parts: string[] = [];
    if (c.answeredAt) parts.push(`${this.translate.instant('callcenter.calls.answeredAt')}: ${format.format(new Date(c.answeredAt))}`);
    if (c.endedAt) parts.push(`${this.translate.instant('callcenter.calls.endedAt')}: ${format.format(new Date(c.endedAt))}`);
    return parts.join('\n');
  }

  ngOnInit(): void {
    this.apply({ customerId: this.customerId() ?? null });
  }

  protected apply(change: Partial<CallLogFilter>): void {
    this.store.applyFilter(change).catch((e) => this.problems.show(e));
  }

  protected reload(): void {
    this.store.load().catch((e) => this.problems.show(e));
  }

  protected page(n: number): void {
    this.store.setPage(n).catch((e) => this.problems.show(e));
  }

  protected pageSize(n: number): void {
    this.store.setPageSize(n).catch((e) => this.problems.show(e));
  }
}
