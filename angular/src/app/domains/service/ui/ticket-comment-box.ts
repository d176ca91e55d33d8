import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { fileSize } from '../model/ticket';

/** A file uploaded for the comment being written, sent with it. */
export interface StagedFile {
  fileId: string;
  fileName: string;
  size: number | string;
}

export interface CommentDraft {
  content: string;
  isInternal: boolean;
  fromCustomer: boolean;
  fileIds: string[];
}

/**
 * Writes a ticket comment: text, internal or public (or noted as from the customer), and files staged before sending.
 * The page does the work: `upload` resolves to null and `send` to false when it failed (and told the user why);
 * the box keeps the draft then.
 */
@Component({
  selector: 'app-ticket-comment-box',
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzIconModule, NzInputModule, NzSwitchModule, NzTagModule],
  template: `
    <textarea nz-input rows="3" [(ngModel)]="text" [placeholder]="'service.tickets.commentPlaceholder' | translate" data-test="comment-text"></textarea>
    @if (staged().length || uploading()) {
      <div class="pending" data-test="comment-pending-files">
        @for (f of staged(); track f.fileId) {
          <nz-tag nzMode="closeable" (nzOnClose)="unstage(f.fileId)" data-test="comment-pending-file"><nz-icon nzType="paper-clip" /> {{ f.fileName }} ({{ size(f.size) }})</nz-tag>
        }
        @if (uploading()) {
          <span class="muted"><nz-icon nzType="loading" /> {{ 'service.tickets.uploading' | translate }}</span>
        }
      </div>
    }
    <div class="bar">
      <input #picker type="file" hidden multiple (change)="stage($event)" data-test="comment-file-input" />
      <button nz-button nzSize="small" (click)="picker.click()" [disabled]="uploading()" data-test="comment-attach">
        <nz-icon nzType="paper-clip" /> {{ 'service.tickets.attachToComment' | translate }}
      </button>
      <label><nz-switch nzSize="small" [(ngModel)]="internal" data-test="comment-internal-switch" /> {{ 'service.tickets.internalToggle' | translate }}</label>
      <label><nz-switch nzSize="small" [(ngModel)]="fromCustomer" [nzDisabled]="internal" /> {{ 'service.tickets.fromCustomerToggle' | translate }}</label>
      <span class="grow"></span>
      <button nz-button nzType="primary" [disabled]="!text.trim() || uploading()" [nzLoading]="busy()" (click)="submit()" data-test="comment-send">
        {{ 'service.tickets.send' | translate }}
      </button>
    </div>
  `,
  styles: `
    :host { display: block; margin-top: 12px; }
    .bar { display: flex; gap: 16px; align-items: center; margin-top: 8px; flex-wrap: wrap; }
    .grow { flex: 1; }
    .pending { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketCommentBox {
  readonly busy = input(false);
  readonly upload = input.required<(file: File) => Promise<StagedFile | null>>();
  readonly send = input.required<(draft: CommentDraft) => Promise<boolean>>();

  protected readonly staged = signal<StagedFile[]>([]);
  protected readonly uploading = signal(false);
  protected readonly size = fileSize;
  protected text = '';
  protected internal = false;
  protected fromCustomer = false;

  protected async submit(): Promise<void> {
    const sent = await this.send()({
      content: this.text.trim(),
      isInternal: this.internal,
      fromCustomer: !this.internal && this.fromCustomer,
      fileIds: this.staged().map((f) => f.fileId),
    });
    if (!sent) return;
    this.text = '';
    this.staged.set([]);
    this.fromCustomer = false;
  }

  /** Uploads the chosen files one by one; a failed one stops the rest, the ones before stay staged. */
  protected async stage(event: Event): Promise<void> {
    const picker = event.target as HTMLInputElement;
    const chosen = Array.from(picker.files ?? []);
    picker.value = '';
    this.uploading.set(true);
    try {
      for (const file of chosen) {
        const uploaded = await this.upload()(file);
        if (!uploaded) break;
        this.staged.update((list) => [...list, uploaded]);
      }
    } finally {
      this.uploading.set(false);
    }
  }

  protected unstage(fileId: string): void {
    this.staged.update((list) => list.filter((f) => f.fileId !== fileId));
  }
}
