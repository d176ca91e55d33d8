import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomerPoolsService, DepartmentsService, UsersService } from '../../../shared/api/generated';
import type { NamedRef, PoolDto, ReleasePreview, RepLimitRow } from '../../../shared/api/generated';
import { DICTIONARIES } from '../model/customer';
import { cleanRules, PoolRuleRow, usage } from '../model/pool';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';

interface PoolForm {
  id: string | null;
  name: string;
  description: string;
  memberUserIds: string[];
  memberDepartmentIds: string[];
  rules: PoolRuleRow[];
  warnDaysBefore: number;
  maxCustomersPerRep: number | null;
  maxClaimsPerDay: number | null;
  reclaimCooldownDays: number | null;
  concurrencyStamp: string | null;
}

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** Pool settings (admins): pools with members, release rules per level and limits; what the next run would release; reps near their limits. */
@Component({
  selector: 'app-pool-admin-page',
  imports: [
    FormsModule,
    TranslatePipe,
    LocalDatePipe,
    DictionarySelect,
    DictionaryTag,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'customers.poolAdmin.title' | translate }}</h2>
        <span class="muted">{{ 'customers.poolAdmin.subtitle' | translate }}</span>
      </div>
      <button nz-button nzType="primary" (click)="edit(null)" data-test="pool-create"><nz-icon nzType="plus" /> {{ 'customers.poolAdmin.create' | translate }}</button>
    </div>
    <nz-tabs (nzSelectedIndexChange)="$event === 1 && loadReport()">
      <nz-tab [nzTitle]="'customers.poolAdmin.pools' | translate">
        <nz-table #t nzSize="small" [nzData]="pools()" [nzFrontPagination]="false" [nzLoading]="loading()" data-test="pool-admin-table">
          <thead>
            <tr>
              <th>{{ 'customers.name' | translate }}</th>
              <th>{{ 'customers.poolAdmin.members' | translate }}</th>
              <th>{{ 'customers.pool.waiting' | translate }}</th>
              <th>{{ 'customers.poolAdmin.limits' | translate }}</th>
              <th>{{ 'customers.poolAdmin.lastRun' | translate }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (p of t.data; track p.id) {
              <tr [attr.data-test]="'pool-admin-row-' + p.name">
                <td>{{ p.name }}<div class="muted">{{ p.description }}</div></td>
                <td>{{ memberNames(p) }}</td>
                <td>{{ p.customerCount }}</td>
                <td>{{ 'customers.poolAdmin.limitsText' | translate: { held: p.maxCustomersPerRep ?? '∞', daily: p.maxClaimsPerDay ?? '∞', cooldown: p.reclaimCooldownDays ?? 0 } }}</td>
                <td>{{ p.lastRunAt | localDate }} @if (p.lastRunAt) { ({{ p.lastRunReleased }}) }</td>
                <td>
                  <button nz-button nzType="link" nzSize="small" (click)="edit(p)">{{ 'common.edit' | translate }}</button>
                  <button nz-button nzType="link" nzSize="small" (click)="preview(p)" data-test="pool-preview">{{ 'customers.poolAdmin.preview' | translate }}</button>
                  <button nz-button nzType="link" nzSize="small" nzDanger nz-popconfirm [nzPopconfirmTitle]="'customers.poolAdmin.deleteConfirm' | translate" (nzOnConfirm)="remove(p)">
                    {{ 'common.delete' | translate }}
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-tab>
      <nz-tab [nzTitle]="'customers.poolAdmin.report' | translate">
        <nz-table #r nzSize="small" [nzData]="report()" [nzFrontPagination]="false" data-test="pool-limits-report">
          <thead>
            <tr>
              <th>{{ 'customers.owner' | translate }}</th>
              <th>{{ 'customers.poolAdmin.pool' | translate }}</th>
              <th>{{ 'customers.pool.held' | translate }}</th>
              <th>{{ 'customers.pool.claimsToday' | translate }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (row of r.data; track row.userId + row.poolId) {
              <tr>
                <td>{{ row.name || row.userName }}</td>
                <td>{{ row.poolName }}</td>
                <td>{{ usage(row.held, row.maxCustomersPerRep) }}</td>
                <td>{{ usage(row.claimsToday, row.maxClaimsPerDay) }}</td>
                <td>@if (row.atLimit) { <nz-tag nzColor="red">{{ 'customers.poolAdmin.atLimit' | translate }}</nz-tag> }</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-tab>
    </nz-tabs>

    <nz-modal
      [nzVisible]="!!form()"
      [nzTitle]="(form()?.id ? 'customers.poolAdmin.edit' : 'customers.poolAdmin.create') | translate"
      [nzOkText]="'common.save' | translate"
      [nzCancelText]="'common.cancel' | translate"
      [nzOkLoading]="busy()"
      [nzWidth]="760"
      (nzOnOk)="save()"
      (nzOnCancel)="form.set(null)"
    >
      <div *nzModalContent nz-form nzLayout="vertical" data-test="pool-form">
        @if (form(); as f) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'customers.name' | translate }}</nz-form-label>
            <input nz-input [(ngModel)]="f.name" data-test="pool-form-name" />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'customers.poolAdmin.description' | translate }}</nz-form-label>
            <input nz-input [(ngModel)]="f.description" />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'customers.poolAdmin.memberUsers' | translate }}</nz-form-label>
            <nz-select nzMode="multiple" nzShowSearch [(ngModel)]="f.memberUserIds" data-test="pool-form-users">
              @for (u of users(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'customers.poolAdmin.memberDepartments' | translate }}</nz-form-label>
            <nz-select nzMode="multiple" nzShowSearch [(ngModel)]="f.memberDepartmentIds">
              @for (d of departments(); track d.id) {
                <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
              }
            </nz-select>
          </nz-form-item>
          <nz-form-label>{{ 'customers.poolAdmin.rules' | translate }}</nz-form-label>
          <nz-table nzSize="small" [nzData]="f.rules" [nzShowPagination]="false" data-test="pool-form-rules">
            <thead>
              <tr>
                <th>{{ 'customers.level' | translate }}</th>
                <th>{{ 'customers.poolAdmin.daysWithoutFollowUp' | translate }}</th>
                <th>{{ 'customers.poolAdmin.daysWithoutDeal' | translate }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (rule of f.rules; track $index) {
                <tr>
                  <td><app-dictionary-select [type]="dict.level" [(ngModel)]="rule.levelCode" [placeholder]="'customers.poolAdmin.anyLevel' | translate" /></td>
                  <td><nz-input-number [(ngModel)]="rule.daysWithoutFollowUp" [nzMin]="1" /></td>
                  <td><nz-input-number [(ngModel)]="rule.daysWithoutDeal" [nzMin]="1" /></td>
                  <td><button nz-button nzType="link" nzDanger (click)="f.rules.splice($index, 1)"><nz-icon nzType="delete" /></button></td>
                </tr>
              }
            </tbody>
          </nz-table>
          <button nz-button nzType="dashed" (click)="f.rules.push({ levelCode: null, daysWithoutFollowUp: 30, daysWithoutDeal: null })" style="margin: 8px 0 16px">
            <nz-icon nzType="plus" /> {{ 'customers.poolAdmin.addRule' | translate }}
          </button>
          <div style="display: flex; gap: 12px; flex-wrap: wrap">
            <nz-form-item>
              <nz-form-label>{{ 'customers.poolAdmin.warnDays' | translate }}</nz-form-label>
              <nz-input-number [(ngModel)]="f.warnDaysBefore" [nzMin]="0" />
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'customers.poolAdmin.maxHeld' | translate }}</nz-form-label>
              <nz-input-number [(ngModel)]="f.maxCustomersPerRep" [nzMin]="1" />
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'customers.poolAdmin.maxDaily' | translate }}</nz-form-label>
              <nz-input-number [(ngModel)]="f.maxClaimsPerDay" [nzMin]="1" />
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'customers.poolAdmin.cooldownDays' | translate }}</nz-form-label>
              <nz-input-number [(ngModel)]="f.reclaimCooldownDays" [nzMin]="0" />
            </nz-form-item>
          </div>
        }
      </div>
    </nz-modal>

    <nz-modal [nzVisible]="!!previewOf()" [nzTitle]="'customers.poolAdmin.preview' | translate" [nzFooter]="null" [nzWidth]="860" (nzOnCancel)="previewOf.set(null)">
      <div *nzModalContent data-test="pool-preview-result">
        @if (previewData(); as pv) {
          <p>{{ 'customers.poolAdmin.previewSummary' | translate: { total: pv.total, exempted: pv.exempted } }}</p>
          <nz-table #pt nzSize="small" [nzData]="pv.items" [nzFrontPagination]="false">
            <thead>
              <tr>
                <th>{{ 'customers.name' | translate }}</th>
                <th>{{ 'customers.owner' | translate }}</th>
                <th>{{ 'customers.level' | translate }}</th>
                <th>{{ 'customers.pool.releaseReason' | translate }}</th>
                <th>{{ 'customers.poolAdmin.dueAt' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (i of pt.data; track i.customerId) {
                <tr>
                  <td>{{ i.name }}</td>
                  <td>{{ i.ownerName }}</td>
                  <td><app-dictionary-tag [type]="dict.level" [code]="i.levelCode" /></td>
                  <td>{{ zh() ? i.reasonZh : i.reason }}</td>
                  <td>{{ i.dueAt | localDate }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        }
      </div>
    </nz-modal>
  `,
})
export class PoolAdminPage implements OnInit {
  private readonly api = inject(CustomerPoolsService);
  private readonly usersApi = inject(UsersService);
  private readonly departmentsApi = inject(DepartmentsService);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly dict = DICTIONARIES;
  protected readonly usage = usage;
  protected readonly pools = signal<PoolDto[]>([]);
  protected readonly users = signal<NamedRef[]>([]);
  protected readonly departments = signal<NamedRef[]>([]);
  protected readonly report = signal<RepLimitRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly form = signal<PoolForm | null>(null);
  protected readonly previewOf = signal<PoolDto | null>(null);
  protected readonly previewData = signal<ReleasePreview | null>(null);
  protected readonly zh = computed(() => this.language.current().startsWith('zh'));

  ngOnInit(): void {
    void this.load();
    void Promise.allSettled([this.usersApi.apiIdentityUsersLookupGet({ max: 200 }), this.departmentsApi.apiDepartmentsGet()]).then(([u, d]) => {
      if (u.status === 'fulfilled') this.users.set(u.value);
      if (d.status === 'fulfilled') this.departments.set(d.value.map((x) => ({ id: x.id, name: x.name })));
    });
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.pools.set(await this.api.apiCustomerPoolsGet());
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.loading.set(false);
    }
  }

  protected loadReport(): void {
    this.api.apiCustomerPoolsLimitsReportGet().then((r) => this.report.set(r), (e: unknown) => this.problems.show(e));
  }

  protected memberNames(p: PoolDto): string {
    const names = [
      ...p.memberUserIds.map((id) => this.users().find((u) => u.id === id)?.name ?? '?'),
      ...p.memberDepartmentIds.map((id) => this.departments().find((d) => d.id === id)?.name ?? '?'),
    ];
    return names.join(', ') || '—';
  }

  protected edit(p: PoolDto | null): void {
    this.form.set({
      id: p?.id ?? null,
      name: p?.name ?? '',
      description: p?.description ?? '',
      memberUserIds: [...(p?.memberUserIds ?? [])],
      memberDepartmentIds: [...(p?.memberDepartmentIds ?? [])],
      rules: (p?.rules ?? []).map((r) => ({ levelCode: r.levelCode, daysWithoutFollowUp: num(r.daysWithoutFollowUp), daysWithoutDeal: num(r.daysWithoutDeal) })),
      warnDaysBefore: num(p?.warnDaysBefore) ?? 3,
      maxCustomersPerRep: num(p?.maxCustomersPerRep),
      maxClaimsPerDay: num(p?.maxClaimsPerDay),
      reclaimCooldownDays: num(p?.reclaimCooldownDays),
      concurrencyStamp: p?.concurrencyStamp ?? null,
    });
  }

  protected async save(): Promise<void> {
    const f = this.form();
    if (!f || !f.name.trim()) return;
    const body = {
      name: f.name.trim(),
      description: f.description.trim() || null,
      memberUserIds: f.memberUserIds,
      memberDepartmentIds: f.memberDepartmentIds,
      rules: cleanRules(f.rules),
      warnDaysBefore: f.warnDaysBefore,
      maxCustomersPerRep: f.maxCustomersPerRep,
      maxClaimsPerDay: f.maxClaimsPerDay,
      reclaimCooldownDays: f.reclaimCooldownDays,
      concurrencyStamp: f.concurrencyStamp,
    };
    this.busy.set(true);
    try {
      if (f.id) await this.api.apiCustomerPoolsIdPut({ id: f.id, body });
      else await this.api.apiCustomerPoolsPost({ body });
      this.message.success(this.language.instant('common.saved'));
      this.form.set(null);
      await this.load();
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(p: PoolDto): Promise<void> {
    try {
      await this.api.apiCustomerPoolsIdDelete({ id: p.id });
      await this.load();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async preview(p: PoolDto): Promise<void> {
    this.previewOf.set(p);
    this.previewData.set(null);
    try {
      this.previewData.set(await this.api.apiCustomerPoolsIdReleasePreviewGet({ id: p.id, pageSize: 100 }));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
