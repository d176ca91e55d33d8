import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ListTotalPipe, LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { TenantsHostService } from '../../../shared/api/generated';
import { JobStore } from '../data/job.store';
import { Job, JOB_STATUSES, JobScope } from '../model/job';

const STATUS_COLORS: Record<string, string> = { Incident: 'red', Pending: 'blue', Running: 'processing', Succeeded: 'green', Cancelled: 'default' };

/** Background jobs and incidents (all tenants for the operator, the own tenant's for a tenant admin). */
@Component({
  selector: 'app-job-list-page',
  imports: [FormsModule, TranslatePipe, LocalDatePipe, ListTotalPipe, NzTableModule, NzSelectModule, NzButtonModule, NzIconModule, NzTagModule, NzPopconfirmModule, NzTooltipModule, NzEmptyModule],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ (scope() === 'host' ? 'jobs.hostTitle' : 'jobs.title') | translate }}</h2>
          <span class="muted">{{ 'jobs.subtitle' | translate }}</span>
        </div>
      </div>
      <div class="toolbar">
        <nz-select style="width: 180px" nzAllowClear [nzPlaceHolder]="'jobs.anyStatus' | translate" [ngModel]="store.status()" (ngModelChange)="filter($event ?? null)" data-test="job-status">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'jobs.status.' + s | translate" />
          }
        </nz-select>
        @if (scope() === 'host') {
          <nz-select style="width: 240px" nzShowSearch nzServerSearch nzAllowClear [nzPlaceHolder]="'jobs.hostDatabase' | translate"
            [ngModel]="store.tenantId()" (ngModelChange)="filterTenant($event ?? null)" (nzOnSearch)="searchTenants($event)"
            [attr.aria-label]="'jobs.tenant' | translate" data-test="job-tenant">
            @for (t of tenants(); track t.id) {
              <nz-option [nzValue]="t.id" [nzLabel]="t.name" />
            }
          </nz-select>
        }
        <span class="grow"></span>
        <button nz-button nzType="text" (click)="reload()"><nz-icon nzType="reload" /></button>
      </div>
      <nz-table
        #table
        nzShowSizeChanger
        [nzData]="store.items()"
        [nzFrontPagination]="false"
        [nzLoading]="store.loading()"
        [nzTotal]="store.total()"
        [nzPageIndex]="store.page()"
        [nzPageSize]="store.pageSize()"
        [nzShowTotal]="total"
        [nzNoResult]="empty"
        (nzQueryParams)="changePage($event.pageIndex, $event.pageSize)"
        nzSize="middle"
    [nzScroll]="{ x: '1100px' }"
        data-test="job-table"
      >
        <thead>
          <tr>
            <th>{{ 'jobs.jobName' | translate }}</th>
            @if (scope() === 'host') { <th nzWidth="160px">{{ 'jobs.tenant' | translate }}</th> }
            <th nzWidth="100px">{{ 'jobs.statusLabel' | translate }}</th>
            <th nzWidth="90px">{{ 'jobs.attempts' | translate }}</th>
            <th nzWidth="170px">{{ 'jobs.nextRunAt' | translate }}</th>
            <th>{{ 'jobs.lastError' | translate }}</th>
            <th nzWidth="170px">{{ 'common.createdAt' | translate }}</th>
            <th nzWidth="150px">{{ 'common.actions' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (job of table.data; track job.id) {
            <tr>
              <td><span [nz-tooltip]="job.jobName">{{ jobLabel(job.jobName) }}</span>@if (job.userName) {<br /><span class="muted">{{ job.userName }}</span>}</td>
              @if (scope() === 'host') { <td>{{ tenantName(job.tenantId) }}</td> }
              <td><nz-tag [nzColor]="colors[job.status]">{{ 'jobs.status.' + job.status | translate }}</nz-tag></td>
              <td>{{ job.attempts }} / {{ job.maxAttempts }}</td>
              <td>{{ job.nextRunAt | localDate }}</td>
              <td><span class="error-text" [nz-tooltip]="job.lastError ?? ''">{{ job.lastError }}</span></td>
              <td>{{ job.createdAt | localDate }}</td>
              <td class="table-actions">
                @if (canManage()) {
                  @if (job.status === 'Incident' || job.status === 'Cancelled') {
                    <a nz-popconfirm [nzPopconfirmTitle]="'jobs.retryConfirm' | translate" (nzOnConfirm)="act('retry', job)">{{ 'jobs.retry' | translate }}</a>
                  }
                  @if (job.status === 'Incident' || job.status === 'Pending') {
                    <a nz-popconfirm [nzPopconfirmTitle]="'jobs.cancelConfirm' | translate" (nzOnConfirm)="act('cancel', job)">{{ 'jobs.cancel' | translate }}</a>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #total>{{ 'common.total' | translate: { total: (store.total() | listTotal: store.totalIsLowerBound()) } }}</ng-template>
      <ng-template #empty><nz-empty [nzNotFoundContent]="(store.failed() ? 'common.loadFailed' : 'jobs.empty') | translate" /></ng-template>
    </div>
  `,
  styles: `.error-text { display: inline-block; max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }`,
  providers: [JobStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobListPage implements OnInit {
  protected readonly store = inject(JobStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  /** route data */
  readonly scope = input<JobScope>('tenant');

  protected readonly statuses = JOB_STATUSES;
  protected readonly colors = STATUS_COLORS;
  protected readonly canManage = computed(() => this.permissions.has(this.scope() === 'host' ? 'Host.Jobs.Manage' : 'Jobs.Manage'));
  private readonly tenantsApi = inject(TenantsHostService);
  /** The operator's tenant picker: the first tenants by name, or those matching what was typed. */
  protected readonly tenants = signal<{ id: string; name: string }[]>([]);
  /** Names of every tenant seen in the picker, so rows keep their tenant's name after another search. */
  private readonly tenantNames = signal(new Map<string, string>());

  ngOnInit(): void {
    this.store.init(this.scope()).catch((e: unknown) => this.problems.show(e));
    if (this.scope() === 'host') this.searchTenants('');
  }

  /** A job's name for people; a job this screen has no label for keeps its technical name. */
  protected jobLabel(name: string): string {
    this.language.current(); // read, so a language switch redraws the rows
    const key = 'jobs.names.' + name.replace(/\./g, '_');
    const label = this.language.instant(key);
    return label === key ? name : label;
  }

  protected tenantName(id: string | null | undefined): string {
    if (!id) {
      this.language.current(); // read, so a language switch redraws the rows
      return this.language.instant('jobs.hostTenant');
    }
    return this.tenantNames().get(id) ?? id.slice(0, 8);
  }

  protected searchTenants(filter: string): void {
    this.tenantsApi.apiHostTenantsGet({ filter: filter || undefined, sort: 'name', pageSize: 50 })
      .then((page) => {
        const found = page.items.map((t) => ({ id: t.id, name: t.name }));
        this.tenants.set(found);
        this.tenantNames.update((names) => new Map([...names, ...found.map((t) => [t.id, t.name] as const)]));
      })
      .catch((e: unknown) => this.problems.show(e));
  }

  protected filterTenant(tenantId: string | null): void {
    this.store.filterTenant(tenantId).catch((e: unknown) => this.problems.show(e));
  }

  protected reload(): void {
    this.store.load().catch((e: unknown) => this.problems.show(e));
  }

  protected filter(status: Parameters<typeof this.store.filterStatus>[0]): void {
    this.store.filterStatus(status).catch((e: unknown) => this.problems.show(e));
  }

  protected changePage(page: number, pageSize: number): void {
    this.store.changePage(page, pageSize).catch((e: unknown) => this.problems.show(e));
  }

  protected async act(action: 'retry' | 'cancel', job: Job): Promise<void> {
    try {
      await this.store[action](job);
      this.message.success(this.language.instant(action === 'retry' ? 'jobs.retried' : 'jobs.cancelled'));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
