import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { injectUiLanguage } from '../../../shared/ui/custom-field-support';
import { WorkflowApi } from '../data/workflow-api';
import type { DefinitionSummary, Localized, TemplateSummary, WorkflowCatalog } from '../model/api';

/** /admin/workflows: the definitions with their published version, draft and running instances; create blank or from a template. */
@Component({
  selector: 'app-workflow-definitions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, TranslatePipe, NzTableModule, NzButtonModule, NzIconModule, NzSelectModule, NzInputModule, NzTagModule, NzEmptyModule, NzModalModule, NzFormModule, NzRadioModule],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'workflows.definitions.title' | translate }}</h2>
          <span class="muted">{{ 'workflows.definitions.subtitle' | translate }}</span>
        </div>
        @if (canManage()) {
          <button nz-button nzType="primary" (click)="openCreate()" data-test="workflow-create"><nz-icon nzType="plus" /> {{ 'workflows.definitions.create' | translate }}</button>
        }
      </div>
      <div class="filters">
        <nz-select class="w200" nzAllowClear [nzPlaceHolder]="'workflows.recordType' | translate" [ngModel]="recordType()" (ngModelChange)="recordType.set($event); reload()" data-test="filter-record-type">
          @for (r of catalog()?.recordTypes ?? []; track r.name) {
            <nz-option [nzValue]="r.name" [nzLabel]="loc(r.displayName)" />
          }
        </nz-select>
        <input nz-input class="w240" [placeholder]="'common.search' | translate" [ngModel]="search()" (ngModelChange)="search.set($event)" (keyup.enter)="reload()" />
        <button nz-button (click)="reload()"><nz-icon nzType="reload" /> {{ 'common.refresh' | translate }}</button>
      </div>
      <nz-table
        #table
        nzSize="middle"
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzLoading]="loading()"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize"
        (nzQueryParams)="query($event)"
        [nzNoResult]="empty"
        data-test="workflow-definitions"
      >
        <thead>
          <tr>
            <th>{{ 'workflows.definitions.name' | translate }}</th>
            <th>{{ 'workflows.recordType' | translate }}</th>
            <th>{{ 'workflows.definitions.published' | translate }}</th>
            <th>{{ 'workflows.definitions.draft' | translate }}</th>
            <th>{{ 'workflows.definitions.running' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (d of table.data; track d.id) {
            <tr [attr.data-test]="'definition-row-' + (d.key ?? d.id)">
              <td><a [routerLink]="[d.id]">{{ loc({ en: d.name, zh: d.nameZh || d.name }) }}</a></td>
              <td>{{ recordTypeName(d.recordType) }}</td>
              <td>
                @if (d.publishedVersion) {
                  <nz-tag nzColor="green">v{{ d.publishedVersion }}</nz-tag>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
              <td>
                @if (d.hasDraft) {
                  <nz-tag nzColor="gold">{{ 'workflows.status.Draft' | translate }}</nz-tag>
                }
              </td>
              <td>{{ d.runningInstances ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty>
        <nz-empty [nzNotFoundContent]="(failed() ? 'common.loadFailed' : 'workflows.definitions.empty') | translate" />
      </ng-template>
    </div>

    <nz-modal [nzVisible]="creating()" [nzTitle]="'workflows.definitions.create' | translate" (nzOnCancel)="creating.set(false)" (nzOnOk)="create()" [nzOkLoading]="saving()" [nzOkDisabled]="!canCreate()">
      <ng-container *nzModalContent>
        <nz-radio-group [(ngModel)]="mode" class="mode">
          <label nz-radio-button nzValue="blank">{{ 'workflows.definitions.blank' | translate }}</label>
          <label nz-radio-button nzValue="template" [nzDisabled]="templates().length === 0">{{ 'workflows.definitions.fromTemplate' | translate }}</label>
        </nz-radio-group>
        @if (mode === 'blank') {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'workflows.definitions.name' | translate }}</nz-form-label>
            <nz-form-control><input nz-input [(ngModel)]="name" data-test="create-name" /></nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'workflows.recordType' | translate }}</nz-form-label>
            <nz-form-control>
              <nz-select [(ngModel)]="newRecordType" data-test="create-record-type">
                @for (r of catalog()?.recordTypes ?? []; track r.name) {
                  <nz-option [nzValue]="r.name" [nzLabel]="loc(r.displayName)" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        } @else {
          @for (t of templates(); track t.key) {
            <label class="template" [class.active]="templateKey === t.key" (click)="templateKey = t.key">
              <strong>{{ loc(t.name) }}</strong>
              @if (t.description) {
                <div class="muted">{{ loc(t.description) }}</div>
              }
            </label>
          }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .filters { display: flex; gap: 8px; margin-bottom: 12px; flex-wrap: wrap; }
    .w200 { width: 200px; }
    .w240 { width: 240px; }
    .mode { margin-bottom: 16px; }
    .template { display: block; padding: 8px 12px; border: 1px solid #f0f0f0; border-radius: 6px; margin-bottom: 8px; cursor: pointer; }
    .template.active { border-color: #1677ff; background: #e6f4ff; }
  `,
})
export class WorkflowDefinitionsPage implements OnInit {
  private readonly api = inject(WorkflowApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly router = inject(Router);
  private readonly permissions = inject(PermissionStore);
  private readonly lang = injectUiLanguage();

  readonly pageSize = 20;
  readonly items = signal<DefinitionSummary[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly recordType = signal<string | null>(null);
  readonly search = signal('');
  readonly catalog = signal<WorkflowCatalog | null>(null);
  readonly templates = signal<TemplateSummary[]>([]);
  readonly creating = signal(false);
  readonly saving = signal(false);
  readonly canManage = computed(() => this.permissions.has('Workflows.Definitions.Manage'));
  mode: 'blank' | 'template' = 'blank';
  name = '';
  newRecordType: string | null = null;
  templateKey: string | null = null;

  ngOnInit(): void {
    this.api.catalog().then((c) => this.catalog.set(c), () => undefined);
    void this.load();
  }

  loc = (t: Localized) => (this.lang() === 'zh-CN' ? t.zh : t.en);
  recordTypeName = (name: string | null) => {
    const r = this.catalog()?.recordTypes.find((x) => x.name === name);
    return r ? this.loc(r.displayName) : (name ?? '—');
  };
  canCreate = () => (this.mode === 'blank' ? !!this.name.trim() && !!this.newRecordType : !!this.templateKey);

  query(params: NzTableQueryParams): void {
    if (params.pageIndex !== this.page()) {
      this.page.set(params.pageIndex);
      void this.load();
    }
  }
  reload(): void {
    this.page.set(1);
    void this.load();
  }
  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const result = await this.api.definitions({ recordType: this.recordType(), search: this.search(), page: this.page(), pageSize: this.pageSize });
      this.items.set(result.items);
      this.total.set(result.totalCount ?? result.items.length);
    } catch (error) {
      this.failed.set(true);
      this.items.set([]);
      this.problems.show(error);
    } finally {
      this.loading.set(false);
    }
  }
  openCreate(): void {
    this.mode = 'blank';
    this.name = '';
    this.newRecordType = this.recordType() ?? this.catalog()?.recordTypes[0]?.name ?? null;
    this.templateKey = null;
    this.creating.set(true);
    this.api.templates().then((t) => this.templates.set(t), () => this.templates.set([]));
  }
  async create(): Promise<void> {
    this.saving.set(true);
    try {
      const created =
        this.mode === 'blank'
          ? await this.api.createDefinition({ name: this.name.trim(), recordType: this.newRecordType! })
          : await this.api.createFromTemplate(this.templateKey!);
      this.creating.set(false);
      await this.router.navigate(['/admin/workflows', created.id]);
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.saving.set(false);
    }
  }
}
