import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { FileAttach, FileUpload, StagedFile } from '../../../shared/ui/file-attach';

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
  imports: [FormsModule, TranslatePipe, FileAttach, NzButtonModule, NzInputModule, NzSwitchModule],
  template: `
    <textarea nz-input rows="3" [(ngModel)]="text" [placeholder]="'service.tickets.commentPlaceholder' | translate" data-test="comment-text"></textarea>
    <app-file-attach #attach class="files" testId="comment" [upload]="upload()" [(files)]="staged" />
    <div class="bar">
      <label><nz-switch nzSize="small" [(ngModel)]="internal" data-test="comment-internal-switch" /> {{ 'service.tickets.internalToggle' | translate }}</label>
      <label><nz-switch nzSize="small" [(ngModel)]="fromCustomer" [nzDisabled]="internal" /> {{ 'service.tickets.fromCustomerToggle' | translate }}</label>
      <span class="grow"></span>
      <button nz-button nzType="primary" [disabled]="!text.trim() || attach.uploading()" [nzLoading]="busy()" (click)="submit()" data-test="comment-send">
        {{ 'service.tickets.send' | translate }}
      </button>
    </div>
  `,
  styles: `
    :host { display: block; margin-top: 12px; }
    .files { margin-top: 8px; }
    .bar { display: flex; gap: 16px; align-items: center; margin-top: 8px; flex-wrap: wrap; }
    .grow { flex: 1; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketCommentBox {
  readonly busy = input(false);
  readonly upload = input.required<FileUpload>();
  readonly send = input.required<(draft: CommentDraft) => Promise<boolean>>();

  protected readonly staged = signal<StagedFile[]>([]);
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
}
