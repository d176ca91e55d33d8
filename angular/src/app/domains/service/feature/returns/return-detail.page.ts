import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { LocalDatePipe, LocalNumberPipe } from '../../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../../core/permissions/permission.store';
import { DictionaryTag } from '../../../../shared/ui/dictionary-tag';
import { CurrentUserId } from '../../data/consultation-api';
import { ReturnApi } from '../../data/return-api';
import { RecordWorkflows, WorkflowPanelApi } from '../../data/workflow-panel';
import { reasonDictionary, RETURN_DICTIONARIES, RETURN_KIND_FIELDS, RETURN_STATUS_COLORS, ReturnEntry, ReturnField } from '../../model/return';
import { WorkflowJournal } from '../../ui/workflow-journal';
import { ReturnFormDrawer } from './return-form.drawer';

/** One return or compensation entry: its kind's fields, the approval (approve, or reject with a reason), completion, history and workflow. */
@Component({
  selector: 'app-return-detail-page',
  imports: [
    FormsModule, RouterLink, TranslatePipe, LocalDatePipe, LocalNumberPipe, DictionaryTag, WorkflowJournal, ReturnFormDrawer,
    NzButtonModule, NzCardModule, NzDescriptionsModule, NzIconModule, NzInputModule, NzPopconfirmModule, NzResultModule, NzSkeletonModule, NzTagModule, NzTimelineModule,
  ],
  template: `
    @if (notFound()) {
      <nz-result nzStatus="404" [nzTitle]="'returns.notFound' | translate">
        <div nz-result-extra><a nz-button routerLink="/service/returns">{{ 'returns.backToList' | translate }}</a></div>
      </nz-result>
    } @else if (entry(); as r) {
      <div class="page-card">
        <div class="page-head">
          <div>
            <a routerLink="/service/returns" class="muted"><nz-icon nzType="arrow-left" /> {{ 'returns.backToList' | translate }}</a>
            <h2 class="page-title" data-test="return-number">{{ r.number }} · {{ 'returns.kinds.' + r.kind | translate }}
              <nz-tag [nzColor]="statusColors[r.status]" data-test="return-status">{{ 'returns.statuses.' + r.status | translate }}</nz-tag>
            </h2>
          </div>
          <div class="head-actions">
            @if (editable()) {
              <button nz-button (click)="editing.set(true)" data-test="return-edit"><nz-icon nzType="edit" /> {{ 'returns.edit' | translate }}</button>
              <button nz-button nzType="primary" [nzLoading]="busy()" (click)="act('submit')" data-test="return-submit-action">{{ 'returns.submit' | translate }}</button>
            }
            @if (r.canApprove) {
              <button nz-button nzType="primary" [nzLoading]="busy()" (click)="act('approve')" data-test="return-approve">{{ 'returns.approve' | translate }}</button>
              <button nz-button nzDanger nz-popconfirm [nzPopconfirmTitle]="'returns.rejectConfirm' | translate" (nzOnConfirm)="reject()" [nzCondition]="!note.trim()" data-test="return-reject">{{ 'returns.reject' | translate }}</button>
            }
            @if (r.status === 'Approved' && own()) {
              <button nz-button nzType="primary" [nzLoading]="busy()" (click)="act('complete')" data-test="return-complete">{{ 'returns.complete' | translate }}</button>
            }
          </div>
        </div>
        @if (r.canApprove) {
          <nz-card nzSize="small" class="panel" [nzTitle]="'returns.decision' | translate">
            <textarea nz-input rows="2" [(ngModel)]="note" maxlength="1000" [placeholder]="'returns.notePlaceholder' | translate" data-test="return-note"></textarea>
            @if (noteMissing()) { <div class="error">{{ 'returns.validation.reason' | translate }}</div> }
          </nz-card>
        }
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="2" data-test="return-fields">
          @for (f of fields(); track f) {
            <nz-descriptions-item [nzTitle]="'returns.fields.' + f | translate">
              @switch (f) {
                @case ('productCategoryCode') { @if (r.productCategoryCode) { <app-dictionary-tag [type]="dict.category" [code]="r.productCategoryCode" /> } @else { — } }
                @case ('brandCode') { @if (r.brandCode) { <app-dictionary-tag [type]="dict.brand" [code]="r.brandCode" /> } @else { — } }
                @case ('pickupMethodCode') { @if (r.pickupMethodCode) { <app-dictionary-tag [type]="dict.pickup" [code]="r.pickupMethodCode" /> } @else { — } }
                @case ('resultCode') { @if (r.resultCode) { <app-dictionary-tag [type]="dict.result" [code]="r.resultCode" /> } @else { — } }
                @case ('reasonCode') { @if (r.reasonCode) { <app-dictionary-tag [type]="reasonType()" [code]="r.reasonCode" /> } @else { — } }
                @case ('amount') { <strong data-test="return-amount-value">{{ r.amount === null || r.amount === undefined ? '—' : (r.amount | localNumber: money) + ' ' + r.currencyCode }}</strong> }
                @case ('purchaseDate') { {{ r.purchaseDate ? (r.purchaseDate | localDate: 'date') : '—' }} }
                @case ('departmentId') { {{ r.departmentName ?? '—' }} }
                @default { {{ value(r, f) }} }
              }
            </nz-descriptions-item>
          }
          <nz-descriptions-item [nzTitle]="'returns.approver' | translate"><span data-test="return-approver">{{ r.approverName ?? ('returns.approverPending' | translate) }}</span></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'returns.createdAt' | translate">{{ r.createdAt | localDate }} · {{ r.createdByName }}</nz-descriptions-item>
          @if (r.decidedAt) {
            <nz-descriptions-item [nzTitle]="'returns.decidedBy' | translate">{{ r.decidedByName }} · {{ r.decidedAt | localDate }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'returns.decisionNote' | translate">{{ r.decisionNote ?? '—' }}</nz-descriptions-item>
          }
          @if (r.remark) { <nz-descriptions-item [nzTitle]="'returns.fields.remark' | translate" [nzSpan]="2">{{ r.remark }}</nz-descriptions-item> }
        </nz-descriptions>
        <nz-card nzSize="small" [nzTitle]="'returns.history' | translate" class="history">
          <nz-timeline>
            @for (h of r.history; track h.id) {
              <nz-timeline-item [nzColor]="h.toValue === 'Rejected' ? 'red' : h.toValue === 'Approved' ? 'green' : 'blue'">
                <strong>{{ 'returns.historyAction.' + h.action | translate }}</strong>
                @if (h.action === 'status' && h.toValue) { <span> → {{ 'returns.statuses.' + h.toValue | translate }}</span> }
                <span class="muted"> · {{ h.byUserName ?? ('returns.workflow' | translate) }} · {{ h.at | localDate }}</span>
                @if (h.note && h.action !== 'created') { <div class="muted">{{ h.note }}</div> }
              </nz-timeline-item>
            }
          </nz-timeline>
        </nz-card>
        @if (workflows(); as w) {
          <app-workflow-journal [instances]="w.instances" [assignments]="w.assignments" />
        }
      </div>
      <app-return-form-drawer [open]="editing()" [entry]="r" (closed)="editing.set(false)" (saved)="edited($event)" />
    } @else {
      <div class="page-card"><nz-skeleton [nzActive]="true" /></div>
    }
  `,
  styles: `
    .head-actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .panel { margin-bottom: 16px; }
    .error { color: #cf1322; }
    .history { margin: 16px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReturnDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ReturnApi);
  private readonly me = inject(CurrentUserId);
  private readonly workflowsApi = inject(WorkflowPanelApi);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);

  protected readonly dict = RETURN_DICTIONARIES;
  protected readonly statusColors = RETURN_STATUS_COLORS;
  protected readonly money = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  protected readonly entry = signal<ReturnEntry | null>(null);
  protected readonly notFound = signal(false);
  protected readonly userId = signal<string | null>(null);
  protected readonly workflows = signal<RecordWorkflows | null>(null);
  protected readonly busy = signal(false);
  protected readonly editing = signal(false);
  protected readonly noteMissing = signal(false);
  protected note = '';
  protected readonly fields = computed<ReturnField[]>(() => {
    const r = this.entry();
    return r ? RETURN_KIND_FIELDS[r.kind].shown : [];
  });
  protected readonly reasonType = computed(() => reasonDictionary(this.entry()?.kind ?? 'ReturnExchange'));
  protected readonly own = computed(() => this.entry()?.createdBy === this.userId() || this.permissions.has('Service.Returns.Manage'));
  protected readonly editable = computed(() => {
    const r = this.entry();
    return !!r && this.own() && (r.status === 'Draft' || r.status === 'Rejected');
  });

  ngOnInit(): void {
    void this.me.get().then((id) => this.userId.set(id));
    void this.load();
  }

  protected value(r: ReturnEntry, field: ReturnField): string {
    const v = (r as unknown as Record<string, unknown>)[field];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  }

  private async load(): Promise<void> {
    try {
      this.entry.set(await this.api.get(this.id()));
      this.workflows.set(await this.workflowsApi.load('return', this.id()).catch(() => null));
    } catch (error) {
      if ((error as { status?: number }).status === 404) this.notFound.set(true);
      else this.problems.show(error);
    }
  }

  protected reject(): void {
    if (!this.note.trim()) {
      this.noteMissing.set(true);
      return;
    }
    void this.act('reject');
  }

  protected async act(action: 'submit' | 'approve' | 'reject' | 'complete'): Promise<void> {
    this.busy.set(true);
    this.noteMissing.set(false);
    try {
      this.entry.set(await this.api.action(this.id(), action, this.note.trim() || null));
      this.note = '';
      this.message.success('✓');
      this.workflows.set(await this.workflowsApi.load('return', this.id()).catch(() => null));
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected edited(entry: ReturnEntry): void {
    this.editing.set(false);
    this.entry.set(entry);
  }
}
