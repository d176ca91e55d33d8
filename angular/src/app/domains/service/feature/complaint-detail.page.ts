import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzRateModule } from 'ng-zorro-antd/rate';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import type { NamedRef } from '../../../shared/api/generated';
import { ComplaintDetailStore } from '../data/complaint-detail.store';
import { ServiceLookups } from '../data/service-lookups';
import { COMPLAINT_DICTIONARIES, complaintActions, complaintTimeline, ComplaintUiAction, countdown, isOpenComplaint } from '../model/complaint';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { ServiceStatusTag } from '../ui/status-tag';
import { WorkflowJournal } from '../ui/workflow-journal';

/** One complaint: deadline countdown, escalation, round, transfers and replies, return visits and the workflow journal. */
@Component({
  selector: 'app-complaint-detail-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    DictionaryTag,
    ServiceStatusTag,
    WorkflowJournal,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzRateModule,
    NzResultModule,
    NzSelectModule,
    NzSkeletonModule,
    NzStatisticModule,
    NzTagModule,
    NzTimelineModule,
  ],
  providers: [ComplaintDetailStore],
  template: `
    @if (store.notFound()) {
      <nz-result nzStatus="404" [nzTitle]="'service.common.notFound' | translate">
        <div nz-result-extra><a nz-button routerLink="/service/complaints">{{ 'service.common.back' | translate }}</a></div>
      </nz-result>
    } @else if (store.complaint(); as c) {
      <div class="page-card head" data-test="complaint-header">
        <div class="title-row">
          <div>
            <a routerLink="/service/complaints" class="back"><nz-icon nzType="arrow-left" /></a>
            <span class="number">{{ c.number }}</span>
            <h2 class="page-title" data-test="page-title">{{ c.title }}</h2>
            <app-service-status-tag kind="complaint" [status]="c.status" data-test="complaint-status" />
            <app-dictionary-tag [type]="dict.severity" [code]="c.severityCode" [tag]="true" />
          </div>
          <div class="actions">
            @for (a of actions(); track a) {
              @switch (a) {
                @case ('transfer') {
                  <button nz-button (click)="openTransfer()" data-test="action-transfer"><nz-icon nzType="swap" /> {{ 'service.complaints.action.transfer' | translate }}</button>
                }
                @case ('close') {
                  <button nz-button nz-popconfirm [nzPopconfirmTitle]="'service.complaints.closeConfirm' | translate" (nzOnConfirm)="changeStatus('Closed')" data-test="action-close">
                    {{ 'service.complaints.action.close' | translate }}
                  </button>
                }
                @case ('reopen') {
                  <button nz-button nz-popconfirm [nzPopconfirmTitle]="'service.complaints.reopenConfirm' | translate" (nzOnConfirm)="changeStatus('Reopened')" data-test="action-reopen">
                    {{ 'service.complaints.action.reopen' | translate }}
                  </button>
                }
              }
            }
          </div>
        </div>
        <div class="stats">
          <div class="stat" data-test="complaint-countdown">
            <div class="stat-label">{{ 'service.complaints.deadline' | translate }}</div>
            @if (left(); as l) {
              <div class="stat-value" [class.overdue]="l.overdue" [class.soon]="!l.overdue && l.days === 0 && l.hours < 4">
                {{ (l.overdue ? 'service.complaints.overdueBy' : 'service.complaints.timeLeft') | translate: l }}
              </div>
              <div class="muted">{{ c.deadline | localDate }}</div>
            } @else {
              <div class="stat-value muted">—</div>
            }
          </div>
          <div class="stat">
            <div class="stat-label">{{ 'service.complaints.escalation' | translate }}</div>
            <div class="stat-value" [class.overdue]="+c.escalationLevel > 0" data-test="complaint-escalation">L{{ c.escalationLevel }}</div>
          </div>
          <div class="stat">
            <div class="stat-label">{{ 'service.complaints.round' | translate }}</div>
            <div class="stat-value" [class.soon]="+c.round > 1" data-test="complaint-round">{{ c.round }}</div>
          </div>
          <div class="stat">
            <div class="stat-label">{{ 'service.complaints.satisfaction' | translate }}</div>
            <div class="stat-value">
              @if (c.satisfactionRating != null) {
                <nz-rate [ngModel]="c.satisfactionRating" nzDisabled class="small-rate" />
              } @else {
                <span class="muted">—</span>
              }
            </div>
          </div>
        </div>
        <nz-descriptions nzSize="small" [nzColumn]="{ xxl: 4, xl: 4, lg: 3, md: 2, sm: 1, xs: 1 }">
          <nz-descriptions-item [nzTitle]="'service.complaints.customer' | translate">{{ c.customerName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.contact' | translate">{{ c.contactName ?? '—' }} {{ c.contactMobile ?? '' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.type' | translate"><app-dictionary-tag [type]="dict.type" [code]="c.typeCode" /></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.productCategory' | translate"><app-dictionary-tag [type]="dict.productCategory" [code]="c.productCategoryCode" /></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.brand' | translate"><app-dictionary-tag [type]="dict.brand" [code]="c.brandCode" /></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.department' | translate">
            <span data-test="complaint-department">{{ c.departmentName ?? '—' }}</span>
            @if (c.assigneeName) { <span class="muted"> · {{ c.assigneeName }}</span> }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.complaints.createdAt' | translate">{{ c.createdAt | localDate }} · {{ c.createdByName }}</nz-descriptions-item>
        </nz-descriptions>
      </div>

      <div nz-row [nzGutter]="16">
        <div nz-col [nzXs]="24" [nzLg]="15">
          <nz-card nzSize="small" [nzTitle]="'service.complaints.content' | translate">
            <p class="pre">{{ c.content }}</p>
          </nz-card>
          <nz-card nzSize="small" [nzTitle]="'service.complaints.timeline' | translate" class="gap" data-test="complaint-timeline">
            <nz-timeline>
              @for (e of timeline(); track $index) {
                <nz-timeline-item [nzColor]="e.kind === 'returnVisit' ? (e.satisfied ? 'green' : 'red') : e.kind === 'reply' ? (e.onTime === false ? 'orange' : 'blue') : 'gray'">
                  <div class="meta" [attr.data-test]="'timeline-' + e.kind">
                    <strong>{{ 'service.complaints.entry.' + e.kind | translate }}</strong>
                    <nz-tag>{{ 'service.complaints.roundN' | translate: { round: e.round } }}</nz-tag>
                    @if (e.kind === 'reply' && e.onTime !== null) {
                      <nz-tag [nzColor]="e.onTime ? 'green' : 'orange'">{{ (e.onTime ? 'service.complaints.onTime' : 'service.complaints.late') | translate }}</nz-tag>
                    }
                    @if (e.kind === 'returnVisit') {
                      <nz-tag [nzColor]="e.satisfied ? 'green' : 'red'">{{ (e.satisfied ? 'service.complaints.satisfied' : 'service.complaints.unsatisfied') | translate }}</nz-tag>
                      <nz-rate [ngModel]="e.rating" nzDisabled class="small-rate" />
                    }
                    <span class="muted">{{ e.at | localDate }}</span>
                  </div>
                  @if (e.title) { <div class="muted">{{ e.title }}</div> }
                  @if (e.content) { <div class="pre">{{ e.content }}</div> }
                  @if (e.kind === 'transfer' && e.deadline) {
                    <div class="muted">{{ 'service.complaints.deadline' | translate }}: {{ e.deadline | localDate }}</div>
                  }
                </nz-timeline-item>
              } @empty {
                <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'service.complaints.noTimeline' | translate" />
              }
            </nz-timeline>
            @if (actions().includes('reply')) {
              <div class="composer" data-test="reply-form">
                <h4>{{ 'service.complaints.replyTitle' | translate }}</h4>
                <textarea nz-input rows="3" [(ngModel)]="replyText" [placeholder]="'service.complaints.replyPlaceholder' | translate" data-test="reply-text"></textarea>
                <button nz-button nzType="primary" class="gap-sm" [disabled]="!replyText.trim()" [nzLoading]="store.busy()" (click)="reply()" data-test="reply-send">
                  {{ 'service.complaints.action.reply' | translate }}
                </button>
              </div>
            }
            @if (actions().includes('returnVisit')) {
              <div class="composer" data-test="return-visit-form">
                <h4>{{ 'service.complaints.returnVisitTitle' | translate }}</h4>
                <nz-radio-group [(ngModel)]="visitSatisfied" data-test="visit-satisfied">
                  <label nz-radio-button [nzValue]="true" data-test="visit-yes">{{ 'service.complaints.satisfied' | translate }}</label>
                  <label nz-radio-button [nzValue]="false" data-test="visit-no">{{ 'service.complaints.unsatisfied' | translate }}</label>
                </nz-radio-group>
                <div class="gap-sm"><nz-rate [(ngModel)]="visitRating" data-test="visit-rating" /></div>
                <textarea nz-input rows="2" class="gap-sm" [(ngModel)]="visitComment" [placeholder]="'service.complaints.visitComment' | translate" data-test="visit-comment"></textarea>
                @if (visitSatisfied === false) {
                  <div class="muted gap-sm">{{ 'service.complaints.reopenHint' | translate }}</div>
                }
                <button nz-button nzType="primary" class="gap-sm" [disabled]="visitSatisfied === null || !visitRating" [nzLoading]="store.busy()" (click)="returnVisit()" data-test="visit-save">
                  {{ 'service.complaints.action.returnVisit' | translate }}
                </button>
              </div>
            }
          </nz-card>
        </div>
        <div nz-col [nzXs]="24" [nzLg]="9">
          @if (store.workflows(); as wf) {
            <div class="gap-first">
              <app-workflow-journal [instances]="wf.instances" [assignments]="wf.assignments" />
            </div>
          }
          <nz-card nzSize="small" [nzTitle]="'service.tickets.history' | translate">
            <nz-timeline>
              @for (h of c.history; track h.id) {
                <nz-timeline-item>
                  <div>{{ historyText(h.action, h.fromValue, h.toValue) }}</div>
                  <div class="muted">{{ h.at | localDate }} · {{ h.byUserName ?? '—' }}@if (h.note) { · {{ h.note }} }</div>
                </nz-timeline-item>
              }
            </nz-timeline>
          </nz-card>
        </div>
      </div>

      <nz-modal [nzVisible]="transferring()" [nzTitle]="'service.complaints.action.transfer' | translate" (nzOnCancel)="transferring.set(false)" (nzOnOk)="transfer()" [nzOkLoading]="store.busy()" [nzOkDisabled]="!transferDepartment">
        <ng-container *nzModalContent>
          <div class="field">
            <label>{{ 'service.complaints.responsibleDepartment' | translate }}</label>
            <nz-select class="full" nzShowSearch [(ngModel)]="transferDepartment" data-test="transfer-department">
              @for (d of departments(); track d.id) {
                <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
              }
            </nz-select>
          </div>
          <div class="field">
            <label>{{ 'service.complaints.assigneeOptional' | translate }}</label>
            <nz-select class="full" nzShowSearch nzAllowClear nzServerSearch [(ngModel)]="transferAssignee" (nzOnSearch)="searchUsers($event)" [nzPlaceHolder]="'service.complaints.headDefault' | translate">
              @for (u of users(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
          </div>
          <div class="field">
            <label>{{ 'service.complaints.deadlineOptional' | translate }}</label>
            <nz-date-picker class="full" nzShowTime [(ngModel)]="transferDeadline" />
          </div>
          <div class="field">
            <label>{{ 'service.common.note' | translate }}</label>
            <textarea nz-input rows="2" [(ngModel)]="transferNote"></textarea>
          </div>
        </ng-container>
      </nz-modal>
    } @else {
      <div class="page-card"><nz-skeleton [nzActive]="true" /></div>
    }
  `,
  styles: `
    .head { margin-bottom: 16px; }
    .title-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; flex-wrap: wrap; margin-bottom: 12px; }
    .title-row > div:first-child { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .page-title { margin: 0; display: inline; }
    .number { color: rgba(0, 0, 0, 0.45); font-family: monospace; }
    .back { color: inherit; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .stats { display: flex; gap: 32px; flex-wrap: wrap; margin-bottom: 12px; padding: 12px 16px; background: #fafafa; border-radius: 6px; }
    .stat-label { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .stat-value { font-size: 20px; font-weight: 500; }
    .stat-value.overdue { color: #cf1322; }
    .stat-value.soon { color: #d46b08; }
    .pre { white-space: pre-wrap; margin: 0; }
    .gap { margin-top: 16px; }
    .gap-first { margin-bottom: 16px; }
    .gap-sm { margin-top: 8px; display: block; }
    .meta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .composer { margin-top: 12px; padding-top: 12px; border-top: 1px solid #f0f0f0; }
    .composer h4 { font-size: 14px; }
    .small-rate { font-size: 14px; }
    .field { margin-bottom: 12px; }
    .field label { display: block; margin-bottom: 4px; }
    .full { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplaintDetailPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly store = inject(ComplaintDetailStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly lookups = inject(ServiceLookups);

  protected readonly dict = COMPLAINT_DICTIONARIES;
  /** ticks every 30 s so the countdown moves */
  private readonly now = signal(Date.now());
  protected readonly left = computed(() => {
    const c = this.store.complaint();
    return c && isOpenComplaint(c.status) ? countdown(c.deadline, this.now()) : null;
  });
  protected readonly timeline = computed(() => {
    const c = this.store.complaint();
    return c ? complaintTimeline(c) : [];
  });
  protected readonly actions = computed<ComplaintUiAction[]>(() => {
    const c = this.store.complaint();
    if (!c) return [];
    const userId = this.permissions.me()?.userId ?? null;
    const members = this.store.departmentMembers();
    // members unknown (no right to read the department): let the server decide who may reply
    const inDepartment = members === null ? !!c.departmentId : !!userId && members.includes(userId);
    return complaintActions(c, {
      userId,
      departmentIds: inDepartment && c.departmentId ? [c.departmentId] : [],
      canManage: this.permissions.has('Service.Complaints.Manage'),
    });
  });

  protected replyText = '';
  protected visitSatisfied: boolean | null = null;
  protected visitRating = 0;
  protected visitComment = '';
  protected readonly transferring = signal(false);
  protected transferDepartment: string | null = null;
  protected transferAssignee: string | null = null;
  protected transferDeadline: Date | null = null;
  protected transferNote = '';
  protected readonly departments = signal<NamedRef[]>([]);
  protected readonly users = signal<NamedRef[]>([]);

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 30_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    this.store.load(this.id()).catch((e) => this.problems.show(e));
  }

  private async run(change: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await change();
      this.now.set(Date.now());
      this.message.success(this.translate.instant(done));
      return true;
    } catch (error) {
      this.problems.show(error);
      return false;
    }
  }

  protected async reply(): Promise<void> {
    if (await this.run(() => this.store.reply(this.replyText.trim()), 'service.complaints.done.reply')) this.replyText = '';
  }

  protected async returnVisit(): Promise<void> {
    const satisfied = this.visitSatisfied === true;
    if (await this.run(() => this.store.returnVisit(satisfied, this.visitRating, this.visitComment.trim() || null), satisfied ? 'service.complaints.done.closed' : 'service.complaints.done.reopened')) {
      this.visitSatisfied = null;
      this.visitRating = 0;
      this.visitComment = '';
    }
  }

  protected changeStatus(status: 'Closed' | 'Reopened'): void {
    void this.run(() => this.store.changeStatus(status, null), status === 'Closed' ? 'service.complaints.done.closed' : 'service.complaints.done.reopened');
  }

  protected async openTransfer(): Promise<void> {
    const c = this.store.complaint()!;
    this.transferDepartment = c.departmentId;
    this.transferAssignee = null;
    this.transferDeadline = null;
    this.transferNote = '';
    this.transferring.set(true);
    const [d, u] = await Promise.all([this.lookups.departments().catch(() => []), this.lookups.users().catch(() => [])]);
    this.departments.set(d);
    this.users.set(u);
  }

  protected async searchUsers(text: string): Promise<void> {
    this.users.set(await this.lookups.users(text).catch(() => []));
  }

  protected async transfer(): Promise<void> {
    if (!this.transferDepartment) return;
    const ok = await this.run(
      () => this.store.transfer(this.transferDepartment!, this.transferNote.trim() || null, this.transferAssignee, this.transferDeadline?.toISOString() ?? null),
      'service.complaints.done.transfer',
    );
    if (ok) this.transferring.set(false);
  }

  protected historyText(action: string, from: string | null, to: string | null): string {
    const status = (v: string | null) => (v ? (this.translate.instant('service.complaintStatus.' + v) as string) : '');
    if (action === 'status') return `${this.translate.instant('service.history.status')}: ${status(from)} → ${status(to)}`;
    if (action === 'returnVisit') return `${this.translate.instant('service.history.returnVisit')}: ${this.translate.instant('service.complaints.' + to)}`;
    const key = 'service.history.' + action;
    const label = this.translate.instant(key) as string;
    return label === key ? action : label;
  }
}
