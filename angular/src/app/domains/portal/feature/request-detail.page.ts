import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCommentModule } from 'ng-zorro-antd/comment';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRateModule } from 'ng-zorro-antd/rate';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { AuthService } from '../../../core/auth/auth.service';
import { PortalApi } from '../data/portal-api';
import { attachmentsByComment, PortalAttachment, PortalTicket, statusColor } from '../model/portal';

/** One request: status, the public conversation, a reply box and, once resolved, the rating. */
@Component({
  selector: 'app-portal-request-detail-page',
  imports: [DatePipe, NgTemplateOutlet, FormsModule, RouterLink, TranslatePipe, NzCardModule, NzTagModule, NzButtonModule, NzInputModule, NzRateModule, NzCommentModule, NzEmptyModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .msg { padding: 12px 16px; border-radius: 8px; margin-bottom: 12px; max-width: 80%; }
    .staff { background: #e6f4ff; }
    .mine { background: #f6ffed; margin-left: auto; }
    .meta { color: #8c8c8c; font-size: 12px; margin-bottom: 4px; }
    .thread { display: flex; flex-direction: column; }
    .files { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 6px; }
    .files a { cursor: pointer; }
  `,
  template: `
    <a [routerLink]="partner ? '/portal/requests' : '/portal/requests'">← {{ 'portal.detail.back' | translate }}</a>
    @if (ticket(); as t) {
      <nz-card style="margin-top: 12px" [nzTitle]="t.number + ' · ' + t.title" [nzExtra]="status">
        @if (t.description) {
          <p style="white-space: pre-wrap">{{ t.description }}</p>
        }
        <p class="meta">{{ t.customerName }} · {{ t.createdAt | date: 'yyyy-MM-dd HH:mm' }}</p>
        @if (files().own.length) {
          <div class="files" data-test="ticket-files">
            <span class="meta">{{ 'portal.detail.attachments' | translate }}:</span>
            @for (f of files().own; track f.fileId) {
              <ng-container *ngTemplateOutlet="file; context: { $implicit: f }" />
            }
          </div>
        }
      </nz-card>
      <ng-template #file let-f>
        <a (click)="download(f)" [title]="'portal.detail.download' | translate" data-test="attachment"><nz-icon nzType="paper-clip" /> {{ f.fileName }} <span class="meta">({{ size(f.size) }})</span></a>
      </ng-template>
      <ng-template #status><nz-tag [nzColor]="color(t)" data-test="status">{{ 'portal.status.' + t.status | translate }}</nz-tag></ng-template>

      <nz-card style="margin-top: 16px" [nzTitle]="'portal.detail.conversation' | translate">
        <div class="thread" data-test="thread">
          @for (c of t.comments; track c.id) {
            <div class="msg" [class.staff]="c.fromStaff" [class.mine]="!c.fromStaff">
              <div class="meta">{{ c.fromStaff ? ('portal.detail.serviceTeam' | translate) + ' · ' + (c.authorName ?? '') : c.authorName }} · {{ c.at | date: 'yyyy-MM-dd HH:mm' }}</div>
              <div style="white-space: pre-wrap">{{ c.content }}</div>
              @if (files().byComment.get(c.id); as list) {
                <div class="files">
                  @for (f of list; track f.fileId) {
                    <ng-container *ngTemplateOutlet="file; context: { $implicit: f }" />
                  }
                </div>
              }
            </div>
          } @empty {
            <nz-empty [nzNotFoundContent]="'portal.detail.noReplies' | translate" />
          }
        </div>
        @if (t.status !== 'Closed') {
          <textarea nz-input rows="3" [(ngModel)]="reply" [placeholder]="'portal.detail.replyPlaceholder' | translate" data-test="reply"></textarea>
          <button nz-button nzType="primary" style="margin-top: 8px" [disabled]="!reply.trim()" [nzLoading]="busy()" (click)="send()" data-test="send-reply">
            {{ 'portal.detail.send' | translate }}
          </button>
        }
      </nz-card>

      @if (t.canRate) {
        <nz-card style="margin-top: 16px" [nzTitle]="'portal.detail.rateTitle' | translate" data-test="rating-card">
          <nz-rate [(ngModel)]="rating" data-test="rate" />
          <textarea nz-input rows="2" style="margin-top: 8px" [(ngModel)]="ratingComment" [placeholder]="'portal.detail.ratingComment' | translate"></textarea>
          <button nz-button nzType="primary" style="margin-top: 8px" [disabled]="!rating" (click)="rate()" data-test="submit-rating">
            {{ (t.satisfactionRating ? 'portal.detail.rateAgain' : 'portal.detail.rate') | translate }}
          </button>
          @if (t.satisfactionRating) {
            <p class="meta" style="margin-top: 8px" data-test="rated">{{ 'portal.detail.rated' | translate: { rating: t.satisfactionRating } }}</p>
          }
        </nz-card>
      }
    }
  `,
})
export class PortalRequestDetailPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly route = inject(ActivatedRoute);
  private readonly problems = inject(ProblemMessageService);
  protected readonly partner = this.route.snapshot.data['partner'] === true || inject(AuthService).kind() === 'partner';
  protected readonly ticket = signal<PortalTicket | null>(null);
  protected readonly busy = signal(false);
  protected reply = '';
  protected rating = 0;
  protected ratingComment = '';
  protected readonly color = (t: PortalTicket) => statusColor(t.status);
  protected readonly files = computed(() => attachmentsByComment(this.ticket()?.attachments ?? []));
  protected readonly size = (size: number | string) => {
    const bytes = Number(size);
    return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  };

  protected download(f: PortalAttachment): void {
    this.api.downloadAttachment(this.partner, this.ticket()!.id, f.fileId, f.fileName).catch((e) => this.problems.show(e));
  }

  async ngOnInit(): Promise<void> {
    const t = await this.api.ticket(this.partner, this.route.snapshot.paramMap.get('id')!);
    this.ticket.set(t);
    this.rating = Number(t.satisfactionRating ?? 0);
    this.ratingComment = t.satisfactionComment ?? '';
  }

  protected async send(): Promise<void> {
    this.busy.set(true);
    try {
      this.ticket.set(await this.api.reply(this.partner, this.ticket()!.id, this.reply.trim()));
      this.reply = '';
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async rate(): Promise<void> {
    try {
      this.ticket.set(await this.api.rate(this.ticket()!.id, this.rating, this.ratingComment.trim() || null));
    } catch (e) {
      this.problems.show(e);
    }
  }
}
