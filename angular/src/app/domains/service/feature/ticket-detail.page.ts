import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRateModule } from 'ng-zorro-antd/rate';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { TicketDetailStore } from '../data/ticket-detail.store';
import { TicketAssignDialog } from './ticket-assign.dialog';
import { dueState, filesByComment, TICKET_DICTIONARIES, TicketAction, ticketActions, TicketFile, targetStatus } from '../model/ticket';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { StagedFile } from '../../../shared/ui/file-attach';
import { fileSize } from '../../../shared/util/file-size';
import { DueBadge } from '../ui/due-badge';
import { ServiceStatusTag } from '../ui/status-tag';
import { WorkflowJournal } from '../ui/workflow-journal';
import { TicketArticles } from '../ui/ticket-articles';
import { CommentDraft, TicketCommentBox } from '../ui/ticket-comment-box';

/** One ticket: status actions, assignment, comments (internal or public), SLA times, rating and the workflow journal. */
@Component({
  selector: 'app-ticket-detail-page',
  imports: [
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    DictionaryTag,
    TicketAssignDialog,
    DueBadge,
    ServiceStatusTag,
    WorkflowJournal,
    TicketArticles,
    TicketCommentBox,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzRateModule,
    NzResultModule,
    NzSkeletonModule,
    NzTagModule,
    NzTimelineModule,
  ],
  providers: [TicketDetailStore],
  template: `
    @if (store.notFound()) {
      <nz-result nzStatus="404" [nzTitle]="'service.common.notFound' | translate">
        <div nz-result-extra><a nz-button routerLink="/service/tickets/mine">{{ 'service.common.back' | translate }}</a></div>
      </nz-result>
    } @else if (store.ticket(); as t) {
      <div class="page-card head" data-test="ticket-header">
        <div class="title-row">
          <div>
            <a routerLink="/service/tickets/mine" class="back"><nz-icon nzType="arrow-left" /></a>
            <span class="number">{{ t.number }}</span>
            <h2 class="page-title" data-test="page-title">{{ t.title }}</h2>
            <app-service-status-tag [status]="t.status" data-test="ticket-status" />
            <app-dictionary-tag [type]="dict.priority" [code]="t.priorityCode" [tag]="true" />
            @if (t.isOverdue) {
              <nz-tag nzColor="red">{{ 'service.due.overdue' | translate }}</nz-tag>
            }
          </div>
          <div class="actions" data-test="ticket-actions">
            @for (a of actions(); track a) {
              @switch (a) {
                @case ('close') {
                  <button nz-button nz-popconfirm [nzPopconfirmTitle]="'service.tickets.closeConfirm' | translate" (nzOnConfirm)="act(a)" [nzLoading]="store.busy()" data-test="action-close">
                    {{ 'service.tickets.action.close' | translate }}
                  </button>
                }
                @case ('assign') {
                  <button nz-button (click)="assignDialog.open()" data-test="action-assign"><nz-icon nzType="user-add" /> {{ 'service.tickets.action.assign' | translate }}</button>
                }
                @case ('rate') {}
                @case ('edit') {}
                @default {
                  <button nz-button [nzType]="primaryAction() === a ? 'primary' : 'default'" (click)="act(a)" [nzLoading]="store.busy()" [attr.data-test]="'action-' + a">
                    {{ 'service.tickets.action.' + a | translate }}
                  </button>
                }
              }
            }
          </div>
        </div>
        <nz-descriptions nzSize="small" [nzColumn]="{ xxl: 4, xl: 4, lg: 3, md: 2, sm: 1, xs: 1 }">
          <nz-descriptions-item [nzTitle]="'service.tickets.customer' | translate">{{ t.customerName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.contact' | translate">{{ t.contactName ?? '—' }} {{ t.contactMobile ?? '' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.category' | translate"><app-dictionary-tag [type]="dict.category" [code]="t.categoryCode" /></nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.assignee' | translate">
            <span data-test="ticket-assignee">{{ t.assigneeName ?? ('service.tickets.unassigned' | translate) }}</span>
            @if (t.departmentName) { <span class="muted"> · {{ t.departmentName }}</span> }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.responseDue' | translate">
            @if (t.firstRespondedAt) {
              <span>{{ 'service.tickets.respondedAt' | translate }} {{ t.firstRespondedAt | localDate }}</span>
            } @else {
              <app-due-badge [dueAt]="t.responseDueAt" [state]="responseState()" data-test="response-due" />
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.resolutionDue' | translate">
            @if (t.resolvedAt) {
              <span>{{ 'service.tickets.resolvedAt' | translate }} {{ t.resolvedAt | localDate }}</span>
            } @else {
              <app-due-badge [dueAt]="t.resolutionDueAt" [state]="resolutionState()" data-test="resolution-due" />
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'service.tickets.createdAt' | translate">{{ t.createdAt | localDate }} · {{ t.createdByName }}</nz-descriptions-item>
          @if (t.reopenCount) {
            <nz-descriptions-item [nzTitle]="'service.tickets.reopenCount' | translate">{{ t.reopenCount }}</nz-descriptions-item>
          }
        </nz-descriptions>
        @if (t.status === 'WaitingForCustomer') {
          <nz-alert nzType="info" nzShowIcon [nzMessage]="'service.tickets.waitingHint' | translate" />
        }
      </div>

      <div nz-row [nzGutter]="16" class="body">
        <div nz-col [nzXs]="24" [nzLg]="15">
          <nz-card nzSize="small" [nzTitle]="'service.tickets.description' | translate">
            <p class="pre">{{ t.description || ('service.tickets.noDescription' | translate) }}</p>
            @if (files().own.length) {
              <div class="files" data-test="ticket-files">
                @for (f of files().own; track f.id) {
                  <ng-container *ngTemplateOutlet="fileLink; context: { $implicit: f }" />
                }
              </div>
            }
            <input #file type="file" hidden (change)="attach($event)" />
            <button nz-button nzSize="small" class="upload" (click)="file.click()"><nz-icon nzType="upload" /> {{ 'service.tickets.addFile' | translate }}</button>
          </nz-card>

          <nz-card nzSize="small" [nzTitle]="'service.tickets.comments' | translate" class="gap" data-test="ticket-comments">
            @for (c of t.comments; track c.id) {
              <div class="comment" [class.internal]="c.isInternal" [attr.data-test]="c.isInternal ? 'comment-internal' : 'comment-public'">
                <div class="meta">
                  <strong>{{ c.authorName ?? '—' }}</strong>
                  @if (c.isInternal) {
                    <nz-tag nzColor="orange"><nz-icon nzType="lock" /> {{ 'service.tickets.internal' | translate }}</nz-tag>
                  } @else if (c.fromCustomer) {
                    <nz-tag nzColor="blue">{{ 'service.tickets.fromCustomer' | translate }}</nz-tag>
                  } @else {
                    <nz-tag>{{ 'service.tickets.public' | translate }}</nz-tag>
                  }
                  <span class="muted">{{ c.at | localDate }}</span>
                </div>
                <div class="pre">{{ c.content }}</div>
                @if (files().byComment.get(c.id); as list) {
                  <div class="files comment-files" data-test="comment-files">
                    @for (f of list; track f.id) {
                      <ng-container *ngTemplateOutlet="fileLink; context: { $implicit: f }" />
                    }
                  </div>
                }
              </div>
            } @empty {
              <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'service.tickets.noComments' | translate" />
            }
            <app-ticket-comment-box [busy]="store.busy()" [upload]="uploadCommentFile" [send]="sendComment" />
          </nz-card>
        </div>
        <div nz-col [nzXs]="24" [nzLg]="9">
          @if (t.status === 'Resolved' || t.status === 'Closed') {
            <nz-card nzSize="small" [nzTitle]="'service.tickets.satisfaction' | translate" data-test="ticket-rating">
              @if (t.satisfactionRating != null) {
                <nz-rate [ngModel]="t.satisfactionRating" nzDisabled />
                <p class="pre">{{ t.satisfactionComment }}</p>
                <span class="muted">{{ t.ratedAt | localDate }}</span>
              } @else {
                <nz-rate [(ngModel)]="rating" data-test="rating-stars" />
                <textarea nz-input rows="2" [(ngModel)]="ratingComment" [placeholder]="'service.tickets.ratingComment' | translate"></textarea>
                <button nz-button nzType="primary" class="gap-sm" [disabled]="!rating" (click)="rate()" data-test="rating-save">{{ 'service.tickets.rate' | translate }}</button>
              }
            </nz-card>
          }
          @if (permissions.has('Service.Knowledge')) {
            <div class="gap-first">
              <app-ticket-articles [ticketId]="t.id" [resolved]="t.status === 'Resolved' || t.status === 'Closed'" [canCreate]="permissions.has('Service.Knowledge.Manage')" />
            </div>
          }
          @if (store.workflows(); as wf) {
            <div class="gap-first">
              <app-workflow-journal [instances]="wf.instances" [assignments]="wf.assignments" />
            </div>
          }
          <nz-card nzSize="small" [nzTitle]="'service.tickets.history' | translate" class="gap">
            <nz-timeline>
              @for (h of t.history; track h.id) {
                <nz-timeline-item>
                  <div>{{ historyText(h.action, h.fromValue, h.toValue) }}</div>
                  <div class="muted">{{ h.at | localDate }} · {{ h.byUserName ?? '—' }}@if (h.note) { · {{ h.note }} }</div>
                </nz-timeline-item>
              }
            </nz-timeline>
          </nz-card>
        </div>
      </div>

      <app-ticket-assign-dialog #assignDialog />
      <ng-template #fileLink let-f>
        <a class="file" (click)="download(f)" [title]="'service.tickets.download' | translate" data-test="attachment">
          <nz-icon nzType="paper-clip" /> {{ f.fileName }} <span class="muted">({{ size(f.size) }})</span>
        </a>
      </ng-template>
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
    .pre { white-space: pre-wrap; margin: 0; }
    .gap { margin-top: 16px; }
    .gap-first { margin-bottom: 16px; }
    .gap-sm { margin-top: 8px; }
    .comment { padding: 8px 12px; border-radius: 6px; margin-bottom: 8px; background: #fafafa; border-inline-start: 3px solid #d9d9d9; }
    .comment.internal { background: #fff7e6; border-inline-start-color: #fa8c16; }
    .meta { display: flex; gap: 8px; align-items: center; margin-bottom: 4px; }
    .files { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0; }
    .comment-files { margin: 6px 0 0; }
    .file { cursor: pointer; }
    .upload { cursor: pointer; display: inline-block; margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketDetailPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly store = inject(TicketDetailStore);
  protected readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  protected readonly dict = TICKET_DICTIONARIES;
  protected readonly actions = computed(() => {
    const t = this.store.ticket();
    if (!t) return [];
    return ticketActions(t, {
      userId: this.permissions.me()?.userId ?? null,
      canManage: this.permissions.has('Service.Tickets.Manage'),
      canAssign: this.permissions.has('Service.Tickets.Assign'),
    });
  });
  /** the forward step of the flow is the primary button */
  protected readonly primaryAction = computed(() => this.actions().find((a) => ['grab', 'accept', 'start', 'resume', 'resolve'].includes(a)) ?? null);
  private readonly now = computed(() => (this.store.ticket(), Date.now()));
  protected readonly responseState = computed(() => {
    const t = this.store.ticket()!;
    return dueState(t.responseDueAt, this.now(), !!t.firstRespondedAt || t.status === 'Closed', t.createdAt);
  });
  protected readonly resolutionState = computed(() => {
    const t = this.store.ticket()!;
    if (t.status === 'WaitingForCustomer') return t.isOverdue ? 'overdue' : 'ok';
    return dueState(t.resolutionDueAt, this.now(), !!t.resolvedAt || t.status === 'Closed', t.createdAt);
  });

  protected readonly files = computed(() => filesByComment(this.store.ticket()?.attachments ?? []));
  protected readonly size = fileSize;
  protected rating = 0;
  protected ratingComment = '';

  ngOnInit(): void {
    this.store.load(this.id()).catch((e) => this.problems.show(e));
  }

  protected async act(action: TicketAction): Promise<void> {
    try {
      if (action === 'accept') await this.store.accept();
      else if (action === 'grab') await this.store.grab();
      else {
        const status = targetStatus(action);
        if (!status) return;
        await this.store.changeStatus(status, null);
      }
      this.message.success(this.translate.instant('service.tickets.done.' + action));
    } catch (error) {
      this.problems.show(error);
      // a lost race or a stale page: show the ticket as it is now
      this.store.reload().catch(() => undefined);
    }
  }

  /** The comment box's work; failures are shown here and keep the draft. */
  protected readonly uploadCommentFile = (file: File): Promise<StagedFile | null> =>
    this.store.upload(file).catch((error: unknown) => {
      this.problems.show(error);
      return null;
    });
  protected readonly sendComment = (draft: CommentDraft): Promise<boolean> =>
    this.store.comment(draft.content, draft.isInternal, draft.fromCustomer, draft.fileIds).then(
      () => true,
      (error: unknown) => {
        this.problems.show(error);
        return false;
      },
    );

  protected async rate(): Promise<void> {
    try {
      await this.store.rate(this.rating, this.ratingComment.trim() || null);
      this.message.success(this.translate.instant('service.tickets.done.rate'));
    } catch (error) {
      this.problems.show(error);
    }
  }

  protected async attach(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await this.store.attach(file);
    } catch (error) {
      this.problems.show(error);
    }
  }

  protected download(f: TicketFile): void {
    this.store.download(f).catch((e) => this.problems.show(e));
  }

  protected historyText(action: string, from: string | null, to: string | null): string {
    const status = (v: string | null) => (v ? (this.translate.instant('service.ticketStatus.' + v) as string) : '');
    if (action === 'status' || action === 'reopened') return `${this.translate.instant('service.history.' + action)}: ${status(from)} → ${status(to)}`;
    const key = 'service.history.' + action;
    const label = this.translate.instant(key) as string;
    return label === key ? action : label;
  }
}
