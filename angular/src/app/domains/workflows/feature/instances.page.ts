import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { WorkflowApi } from '../data/workflow-api';
import type { CatalogRecordType, DefinitionDetail, DefinitionSummary, InstanceDetail, InstanceSummary } from '../model/api';
import { injectUiLanguage, labelIn } from '../../../shared/ui/custom-field-support';
import { WorkflowJournalTimeline } from '../../../shared/ui/workflow-journal';
import { currentStepLabel, definitionLabel, recordTypeLabel, stepTitle } from '../ui/instance-labels';
import { WorkflowInstanceState } from '../ui/instance-state';

/** /admin/workflows/instances: running and finished instances; detail with variables, bookmarks, journal, incidents and migration. */
@Component({
  selector: 'app-workflow-instances-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, LocalDatePipe, NzTableModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTagModule, NzDrawerModule, NzDescriptionsModule, NzPopconfirmModule, NzEmptyModule, NzAlertModule, WorkflowJournalTimeline, WorkflowInstanceState],
  template: `
    <div class="page-card">
      <div class="page-head">
        <h2 class="page-title" data-test="page-title">{{ 'workflows.instances.title' | translate }}</h2>
      </div>
      <div class="filters">
        <nz-select class="w160" nzAllowClear [nzPlaceHolder]="'workflows.recordType' | translate" [(ngModel)]="recordType" (ngModelChange)="reload()" data-test="instances-record-type">
          @for (t of recordTypes(); track t.name) {
            <nz-option [nzValue]="t.name" [nzLabel]="label(t.displayName.en, t.displayName.zh)" />
          }
        </nz-select>
        <nz-select class="w240" nzAllowClear nzShowSearch [nzPlaceHolder]="'workflows.instances.definition' | translate" [(ngModel)]="definitionId" (ngModelChange)="reload()" data-test="instances-definition">
          @for (d of definitions(); track d.id) {
            <nz-option [nzValue]="d.id" [nzLabel]="label(d.name, d.nameZh)" />
          }
        </nz-select>
        <input nz-input class="w240" [placeholder]="'workflows.instances.recordId' | translate" [(ngModel)]="recordId" (keyup.enter)="reload()" />
        <nz-select class="w160" nzAllowClear [nzPlaceHolder]="'common.status' | translate" [(ngModel)]="status" (ngModelChange)="reload()">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'workflows.instanceStatus.' + s | translate" />
          }
        </nz-select>
        <button nz-button (click)="reload()"><nz-icon nzType="search" /> {{ 'common.search' | translate }}</button>
      </div>
      <nz-table nzSize="middle" [nzData]="items()" [nzLoading]="loading()" [nzFrontPagination]="false" [nzShowPagination]="false" [nzNoResult]="empty" data-test="workflow-instances">
        <thead>
          <tr>
            <th>{{ 'workflows.instances.definition' | translate }}</th>
            <th>{{ 'workflows.recordType' | translate }}</th>
            <th>{{ 'workflows.instances.record' | translate }}</th>
            <th>{{ 'common.status' | translate }}</th>
            <th>{{ 'workflows.instances.currentStep' | translate }}</th>
            <th>{{ 'workflows.instances.startedAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (i of items(); track i.id) {
            <tr (click)="open(i)" class="clickable">
              <td data-test="instance-definition">{{ definitionLabel(i) }} <span class="muted">v{{ i.version }}</span></td>
              <td data-test="instance-record-type">{{ recordTypeLabel(i) }}</td>
              <td>{{ i.recordTitle ?? (i.recordId ? ('workflows.instances.recordGone' | translate) : '—') }}</td>
              <td><nz-tag [nzColor]="color(i.status)">{{ 'workflows.instanceStatus.' + i.status | translate }}</nz-tag></td>
              <td data-test="instance-step">{{ stepLabel(i) }}</td>
              <td>{{ i.startedAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty><nz-empty [nzNotFoundContent]="(failed() ? 'common.loadFailed' : 'workflows.instances.empty') | translate" /></ng-template>
      @if (cursor()) {
        <button nz-button class="more" (click)="load(true)">{{ 'common.loadMore' | translate }}</button>
      }
    </div>

    <nz-drawer [nzVisible]="!!detail()" nzWidth="720px" [nzTitle]="detail() ? definitionLabel(detail()!) : ''" (nzOnClose)="detail.set(null)">
      <ng-container *nzDrawerContent>
        @if (detail(); as d) {
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="2">
            <nz-descriptions-item [nzTitle]="'common.status' | translate"><nz-tag [nzColor]="color(d.status)">{{ 'workflows.instanceStatus.' + d.status | translate }}</nz-tag></nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'workflows.versions.number' | translate">v{{ d.version }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'workflows.instances.record' | translate">{{ recordTypeLabel(d) }} · {{ d.recordTitle ?? (d.recordId ? ('workflows.instances.recordGone' | translate) : '—') }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'workflows.instances.currentStep' | translate">{{ stepLabel(d) }}</nz-descriptions-item>
          </nz-descriptions>
          <app-workflow-instance-state [values]="d.variables" [bookmarks]="d.bookmarks" [recordType]="d.recordType" />
          <h4>{{ 'workflows.instances.incidents' | translate }}</h4>
          @for (inc of d.incidents; track inc.id) {
            <nz-alert nzType="error" [nzMessage]="stepTitle(inc) + ': ' + inc.message" [nzAction]="canManage() && !inc.resolved ? incidentActions : null" class="incident" />
            <ng-template #incidentActions>
              <button nz-button nzSize="small" nz-popconfirm [nzPopconfirmTitle]="'workflows.instances.retryConfirm' | translate" (nzOnConfirm)="incident(inc.id, 'retry')">{{ 'workflows.instances.retry' | translate }}</button>
              <button nz-button nzSize="small" nz-popconfirm [nzPopconfirmTitle]="'workflows.instances.skipConfirm' | translate" (nzOnConfirm)="incident(inc.id, 'skip')">{{ 'workflows.instances.skip' | translate }}</button>
              <button nz-button nzSize="small" nzDanger nz-popconfirm [nzPopconfirmTitle]="'workflows.instances.cancelConfirm' | translate" (nzOnConfirm)="incident(inc.id, 'cancel')">{{ 'common.cancel' | translate }}</button>
            </ng-template>
          } @empty {
            <div class="muted">—</div>
          }
          @if (canManage() && (d.status === 'Running' || d.status === 'Waiting')) {
            <h4>{{ 'workflows.instances.migrate' | translate }}</h4>
            <div class="filters">
              <nz-select class="w160" [(ngModel)]="migrateTo">
                @for (v of versions(); track v.number) {
                  <nz-option [nzValue]="v.number" [nzLabel]="'v' + v.number + ' · ' + ('workflows.status.' + v.status | translate)" [nzDisabled]="v.number === d.version" />
                }
              </nz-select>
              <button nz-button nz-popconfirm [nzPopconfirmTitle]="'workflows.instances.migrateConfirm' | translate" (nzOnConfirm)="migrate(d)" [disabled]="!migrateTo">{{ 'workflows.instances.migrate' | translate }}</button>
            </div>
            @if (migrateError(); as e) {
              <nz-alert nzType="error" nzShowIcon [nzMessage]="'workflows.instances.migrateRefused' | translate" [nzDescription]="e" data-test="migrate-refused" />
            }
          }
          <h4>{{ 'workflows.journal.title' | translate }}</h4>
          <app-workflow-journal-timeline [entries]="d.journal" [recordType]="d.recordType" />
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .filters { display: flex; gap: 8px; margin-bottom: 12px; flex-wrap: wrap; }
    .w160 { width: 160px; }
    .w240 { width: 240px; }
    .clickable { cursor: pointer; }
    .more { margin-top: 12px; }
    .incident { margin-bottom: 8px; }
    h4 { margin-top: 16px; }
  `,
})
export class WorkflowInstancesPage implements OnInit {
  private readonly api = inject(WorkflowApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly permissions = inject(PermissionStore);
  readonly statuses = ['Running', 'Waiting', 'Completed', 'Faulted', 'Cancelled'];
  readonly items = signal<InstanceSummary[]>([]);
  readonly cursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly detail = signal<InstanceDetail | null>(null);
  readonly versions = signal<DefinitionDetail['versions']>([]);
  readonly migrateError = signal<string | null>(null);
  readonly canManage = computed(() => this.permissions.has('Workflows.Instances.Manage'));
  private readonly language = injectUiLanguage();
  /** Filter choices, by their names in the viewer's language. */
  readonly recordTypes = signal<CatalogRecordType[]>([]);
  readonly definitions = signal<DefinitionSummary[]>([]);
  recordType: string | null = null;
  recordId = '';
  definitionId: string | null = null;
  status: string | null = null;
  migrateTo: number | null = null;

  ngOnInit(): void {
    void this.load(false);
    // the list works without the choices; a failure here only leaves the filters empty
    this.api.catalog().then((c) => this.recordTypes.set(c.recordTypes), () => undefined);
    this.api.definitions({ page: 1, pageSize: 500 }).then((d) => this.definitions.set(d.items), () => undefined);
  }
  label = (en: string | null | undefined, zh: string | null | undefined) => labelIn(this.language(), en, zh);
  definitionLabel = (i: InstanceSummary) => definitionLabel(this.language(), i);
  recordTypeLabel = (i: InstanceSummary) => recordTypeLabel(this.language(), i, this.recordTypes());
  /** the step's title in the instance's version; its id only when it has none */
  stepLabel = (i: InstanceSummary) => currentStepLabel(this.language(), i);
  stepTitle = (s: { stepId: string; stepName?: string | null; stepNameZh?: string | null }) => stepTitle(this.language(), s);
  color = (s: string) => (s === 'Faulted' ? 'red' : s === 'Completed' ? 'green' : s === 'Cancelled' ? 'default' : 'blue');
  reload(): void {
    void this.load(false);
  }
  async load(more: boolean): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.api.instances({ recordType: this.recordType, recordId: this.recordId, definitionId: this.definitionId, status: this.status, cursor: more ? this.cursor() : null, pageSize: 20 });
      this.items.set(more ? [...this.items(), ...page.items] : page.items);
      this.cursor.set(page.nextCursor ?? null);
    } catch (error) {
      this.failed.set(true);
      this.problems.show(error);
    } finally {
      this.loading.set(false);
    }
  }
  async open(i: InstanceSummary): Promise<void> {
    this.migrateError.set(null);
    this.migrateTo = null;
    try {
      this.detail.set(await this.api.instance(i.id));
      this.api.definition(i.definitionId).then((d) => this.versions.set(d.versions), () => this.versions.set([]));
    } catch (error) {
      this.problems.show(error);
    }
  }
  async incident(id: string, action: 'retry' | 'skip' | 'cancel'): Promise<void> {
    try {
      await this.api.incidentAction(id, action);
      await this.open(this.detail()!);
    } catch (error) {
      this.problems.show(error);
    }
  }
  async migrate(d: InstanceDetail): Promise<void> {
    this.migrateError.set(null);
    try {
      await this.api.migrate(d.id, this.migrateTo!);
      await this.open(d);
    } catch (error) {
      // the server explains why (e.g. the waiting step does not exist in the target version)
      this.migrateError.set(this.problems.text(error));
    }
  }
}
