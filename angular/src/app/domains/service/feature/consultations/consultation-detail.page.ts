import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../../core/permissions/permission.store';
import type { NamedRef } from '../../../../shared/api/generated';
import { DictionarySelect } from '../../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../../shared/ui/dictionary-tag';
import { ConsultationApi, CurrentUserId } from '../../data/consultation-api';
import { ServiceLookups } from '../../data/service-lookups';
import { RecordWorkflows, WorkflowPanelApi } from '../../data/workflow-panel';
import { Consultation, consultationActions, CONSULTATION_DICTIONARIES } from '../../model/consultation';
import { WorkflowJournal } from '../../ui/workflow-journal';
import { CONSULTATION_STATUS_COLORS } from './consultation-list.page';

type Panel = 'answer' | 'transfer' | 'departmentAnswer' | null;

/** One consultation: what was asked, the transfer and the department's answer, the reply to the customer, history and workflow. */
@Component({
  selector: 'app-consultation-detail-page',
  imports: [
    FormsModule, RouterLink, TranslatePipe, LocalDatePipe, DictionaryTag, DictionarySelect, WorkflowJournal,
    NzButtonModule, NzCardModule, NzDatePickerModule, NzDescriptionsModule, NzIconModule, NzInputModule, NzResultModule, NzSelectModule, NzSkeletonModule, NzTagModule, NzTimelineModule,
  ],
  template: `
    @if (notFound()) {
      <nz-result nzStatus="404" [nzTitle]="'consultations.notFound' | translate">
        <div nz-result-extra><a nz-button routerLink="/service/consultations">{{ 'consultations.backToList' | translate }}</a></div>
      </nz-result>
    } @else if (consultation(); as c) {
      <div class="page-card">
        <div class="page-head">
          <div>
            <a routerLink="/service/consultations" class="muted"><nz-icon nzType="arrow-left" /> {{ 'consultations.backToList' | translate }}</a>
            <h2 class="page-title" data-test="consultation-number">{{ c.number }}
              <nz-tag [nzColor]="statusColors[c.status]" data-test="consultation-status">{{ 'consultations.statuses.' + c.status | translate }}</nz-tag>
              @if (c.isOverdue) { <nz-tag nzColor="red">{{ 'consultations.overdue' | translate }}</nz-tag> }
              @if (+c.escalationLevel > 0) { <nz-tag nzColor="volcano">{{ 'consultations.escalated' | translate: { level: c.escalationLevel } }}</nz-tag> }
            </h2>
          </div>
          <div class="head-actions">
            @if (actions().answer) {
              <button nz-button nzType="primary" (click)="open('answer')" data-test="consultation-reply">{{ (c.status === 'Open' ? 'consultations.answerAtOnce' : 'consultations.replyCustomer') | translate }}</button>
            }
            @if (actions().transfer) {
              <button nz-button (click)="open('transfer')" data-test="consultation-transfer">{{ 'consultations.transfer' | translate }}</button>
            }
            @if (actions().departmentAnswer) {
              <button nz-button nzType="primary" (click)="open('departmentAnswer')" data-test="consultation-department-answer">{{ 'consultations.departmentAnswer' | translate }}</button>
            }
          </div>
        </div>
        @if (panel(); as p) {
          <nz-card nzSize="small" class="panel" [nzTitle]="'consultations.panel.' + p | translate" data-test="consultation-panel">
            @if (p === 'transfer') {
              <div class="row">
                <nz-select nzShowSearch [nzPlaceHolder]="'consultations.department' | translate" [(ngModel)]="departmentId" class="w240" data-test="transfer-department">
                  @for (d of departments(); track d.id) { <nz-option [nzValue]="d.id" [nzLabel]="d.name" /> }
                </nz-select>
                <nz-date-picker nzShowTime [nzPlaceHolder]="'consultations.deadlineHint' | translate" [(ngModel)]="deadline" />
              </div>
              <textarea nz-input rows="2" [(ngModel)]="text" [placeholder]="'consultations.notePlaceholder' | translate"></textarea>
            } @else {
              @if (p === 'answer') {
                <app-dictionary-select class="w240" [type]="dict.channel" [(ngModel)]="channel" />
              }
              <textarea nz-input rows="3" [(ngModel)]="text" maxlength="4000" [placeholder]="'consultations.answerPlaceholder' | translate" data-test="panel-text"></textarea>
              @if (touched() && !text.trim()) { <div class="error">{{ 'consultations.validation.required' | translate }}</div> }
            }
            <div class="panel-actions">
              <button nz-button (click)="panel.set(null)">{{ 'consultations.cancel' | translate }}</button>
              <button nz-button nzType="primary" [nzLoading]="busy()" (click)="submit(p)" data-test="panel-submit">{{ 'consultations.confirm' | translate }}</button>
            </div>
          </nz-card>
        }
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="2">
          <nz-descriptions-item [nzTitle]="'consultations.type' | translate"><app-dictionary-tag [type]="dict.type" [code]="c.enquiryTypeCode" /></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.quantity' | translate">{{ c.quantity }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.productCategory' | translate">@if (c.productCategoryCode) { <app-dictionary-tag [type]="dict.category" [code]="c.productCategoryCode" /> } @else { — }</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.brand' | translate">@if (c.brandCode) { <app-dictionary-tag [type]="dict.brand" [code]="c.brandCode" /> } @else { — }</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.customer' | translate">
            @if (c.customerId) { <a [routerLink]="['/customers', c.customerId]">{{ c.customerName ?? c.customerId }}</a> } @else { — }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.contactName' | translate">{{ c.contactName ?? '—' }} {{ c.contactPhone ?? '' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.department' | translate">{{ c.departmentName ?? '—' }}@if (c.assigneeName) { <span class="muted"> · {{ c.assigneeName }}</span> }</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.deadline' | translate">{{ c.deadline ? (c.deadline | localDate) : '—' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.createdAt' | translate">{{ c.createdAt | localDate }} · {{ c.createdByName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.status' | translate">{{ 'consultations.statuses.' + c.status | translate }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'consultations.content' | translate" [nzSpan]="2"><div class="pre">{{ c.content }}</div></nz-descriptions-item>
        </nz-descriptions>
        <div class="cards">
          <nz-card nzSize="small" [nzTitle]="'consultations.departmentAnswer' | translate" data-test="department-answer">
            @if (c.departmentAnswer) {
              <div class="pre">{{ c.departmentAnswer }}</div>
              <div class="muted">{{ c.departmentAnsweredByName }} · {{ c.departmentAnsweredAt | localDate }}
                <nz-tag [nzColor]="c.answeredOnTime ? 'green' : 'orange'">{{ (c.answeredOnTime ? 'consultations.onTime' : 'consultations.late') | translate }}</nz-tag>
              </div>
            } @else { <span class="muted">{{ 'consultations.noDepartmentAnswer' | translate }}</span> }
          </nz-card>
          <nz-card nzSize="small" [nzTitle]="'consultations.answer' | translate" data-test="customer-answer">
            @if (c.answer) {
              <div class="pre">{{ c.answer }}</div>
              <div class="muted">{{ c.answeredByName }} · {{ c.answeredAt | localDate }} @if (c.replyChannelCode) { · <app-dictionary-tag [type]="dict.channel" [code]="c.replyChannelCode" /> }</div>
            } @else { <span class="muted">{{ 'consultations.noAnswer' | translate }}</span> }
          </nz-card>
        </div>
        <nz-card nzSize="small" [nzTitle]="'consultations.history' | translate" class="history">
          <nz-timeline>
            @for (h of c.history; track h.id) {
              <nz-timeline-item>
                <strong>{{ 'consultations.historyAction.' + h.action | translate }}</strong>
                @if (h.toValue) { <span> → {{ h.action === 'status' ? ('consultations.statuses.' + h.toValue | translate) : h.toValue }}</span> }
                <span class="muted"> · {{ h.byUserName ?? ('consultations.workflow' | translate) }} · {{ h.at | localDate }}</span>
                @if (h.note) { <div class="muted">{{ h.note }}</div> }
              </nz-timeline-item>
            }
          </nz-timeline>
        </nz-card>
        @if (workflows(); as w) {
          <app-workflow-journal [instances]="w.instances" [assignments]="w.assignments" />
        }
      </div>
    } @else {
      <div class="page-card"><nz-skeleton [nzActive]="true" /></div>
    }
  `,
  styles: `
    .head-actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .panel { margin-bottom: 16px; }
    .panel textarea { margin-top: 8px; }
    .row { display: flex; gap: 8px; }
    .w240 { width: 240px; display: inline-block; }
    .panel-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
    .error { color: #cf1322; }
    .cards { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin: 16px 0; }
    .pre { white-space: pre-wrap; }
    .history { margin-bottom: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ConsultationApi);
  private readonly me = inject(CurrentUserId);
  private readonly lookups = inject(ServiceLookups);
  private readonly workflowsApi = inject(WorkflowPanelApi);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);

  protected readonly dict = CONSULTATION_DICTIONARIES;
  protected readonly statusColors = CONSULTATION_STATUS_COLORS;
  protected readonly consultation = signal<Consultation | null>(null);
  protected readonly notFound = signal(false);
  protected readonly userId = signal<string | null>(null);
  protected readonly workflows = signal<RecordWorkflows | null>(null);
  protected readonly departments = signal<NamedRef[]>([]);
  protected readonly panel = signal<Panel>(null);
  protected readonly busy = signal(false);
  protected readonly touched = signal(false);
  protected readonly actions = computed(() => {
    const c = this.consultation();
    return c ? consultationActions(c, this.userId(), this.permissions.has('Service.Consultations.Manage')) : { answer: false, transfer: false, departmentAnswer: false };
  });
  protected text = '';
  protected channel: string | null = 'phone';
  protected departmentId: string | null = null;
  protected deadline: Date | null = null;

  ngOnInit(): void {
    void this.me.get().then((id) => this.userId.set(id));
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.consultation.set(await this.api.get(this.id()));
      this.workflows.set(await this.workflowsApi.load('consultation', this.id()).catch(() => null));
    } catch (error) {
      if ((error as { status?: number }).status === 404) this.notFound.set(true);
      else this.problems.show(error);
    }
  }

  protected open(panel: Panel): void {
    this.text = '';
    this.touched.set(false);
    this.panel.set(panel);
    if (panel === 'transfer' && !this.departments().length) this.lookups.departments().then((d) => this.departments.set(d), () => undefined);
  }

  protected async submit(panel: Exclude<Panel, null>): Promise<void> {
    this.touched.set(true);
    if (panel !== 'transfer' && !this.text.trim()) return;
    if (panel === 'transfer' && !this.departmentId) return;
    this.busy.set(true);
    try {
      const id = this.id();
      const updated =
        panel === 'answer' ? await this.api.answer(id, this.text.trim(), this.channel)
        : panel === 'departmentAnswer' ? await this.api.departmentAnswer(id, this.text.trim())
        : await this.api.transfer(id, this.departmentId!, this.deadline ? this.deadline.toISOString() : null, this.text.trim() || null);
      this.consultation.set(updated);
      this.panel.set(null);
      this.message.success('✓');
      this.workflows.set(await this.workflowsApi.load('consultation', id).catch(() => null));
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.busy.set(false);
    }
  }
}
