import { ChangeDetectionStrategy, Component, input, model, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { fileSize } from '../util/file-size';

/** A file uploaded ahead of the record it will be attached to (the server keeps it as the uploader's until then). */
export interface StagedFile {
  fileId: string;
  fileName: string;
  size: number | string;
}

/** Uploads one file; null when it failed and the caller has already told the user why. */
export type FileUpload = (file: File) => Promise<StagedFile | null>;

/**
 * What the server's uploads accept (it checks the bytes, not the name): offered first in the file picker so
 * a wrong type is rarely chosen at all.
 */
export const ATTACHABLE_FILES = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.csv,.txt';

/**
 * Attach button plus the files staged for a record not saved yet. Chosen files are uploaded one after another
 * through `upload`; the first failure stops the rest and keeps the ones before. The parent reads `files`
 * (two-way) when it saves and `uploading` to hold its save button meanwhile.
 * A staged file is taken off with its close button (a real button: reachable with Tab, named for screen readers).
 * `testId` prefixes the data-test names: `<prefix>-file-input`, `-attach`, `-pending-files`, `-pending-file`, `-remove-file`, `-uploading`.
 */
@Component({
  selector: 'app-file-attach',
  imports: [TranslatePipe, NzButtonModule, NzIconModule, NzTagModule],
  template: `
    <input #picker type="file" hidden multiple [accept]="accept()" (change)="choose($event)" [attr.data-test]="testId() + '-file-input'" />
    <button
      type="button"
      nz-button
      nzSize="small"
      [disabled]="uploading()"
      [title]="'common.files.allowed' | translate"
      (click)="picker.click()"
      [attr.data-test]="testId() + '-attach'"
    >
      <nz-icon nzType="paper-clip" /> {{ 'common.files.attach' | translate }}
    </button>
    @if (files().length || uploading()) {
      <span class="pending" [attr.data-test]="testId() + '-pending-files'">
        @for (f of files(); track f.fileId) {
          <nz-tag [attr.data-test]="testId() + '-pending-file'">
            <nz-icon nzType="paper-clip" /> {{ f.fileName }} ({{ size(f.size) }})
            <button
              type="button"
              class="remove"
              [attr.aria-label]="'common.files.remove' | translate: { name: f.fileName }"
              [title]="'common.files.remove' | translate: { name: f.fileName }"
              (click)="remove(f.fileId)"
              [attr.data-test]="testId() + '-remove-file'"
            >
              <nz-icon nzType="close" />
            </button>
          </nz-tag>
        }
        @if (uploading()) {
          <span class="uploading" [attr.data-test]="testId() + '-uploading'"><nz-icon nzType="loading" /> {{ 'common.files.uploading' | translate }}</span>
        }
      </span>
    }
  `,
  styles: `
    :host { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .pending { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .uploading { color: rgba(0, 0, 0, 0.45); }
    /* looks like the tag's own close icon, but takes focus and Enter/Space */
    .remove {
      margin-inline-start: 3px; padding: 0 2px; border: 0; border-radius: 2px; background: none;
      color: rgba(0, 0, 0, 0.45); font-size: 10px; line-height: 1; cursor: pointer;
    }
    .remove:hover { color: rgba(0, 0, 0, 0.88); }
    .remove:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileAttach {
  readonly upload = input.required<FileUpload>();
  readonly files = model<StagedFile[]>([]);
  readonly testId = input('files');
  readonly accept = input(ATTACHABLE_FILES);

  private readonly busy = signal(false);
  /** Bumped by {@link reset}: uploads started before it are dropped when they finish. */
  private generation = 0;
  /** True while chosen files are still being uploaded. */
  readonly uploading = this.busy.asReadonly();
  protected readonly size = fileSize;

  protected async choose(event: Event): Promise<void> {
    const picker = event.target as HTMLInputElement;
    const chosen = Array.from(picker.files ?? []);
    // cleared so that choosing the same file again (after removing it) fires another change
    picker.value = '';
    if (!chosen.length) return;
    const generation = this.generation;
    this.busy.set(true);
    try {
      // one at a time: the order stays the user's, and a failure (too large, wrong type) stops the rest
      for (const file of chosen) {
        const uploaded = await this.upload()(file);
        if (!uploaded || generation !== this.generation) break;
        this.files.update((list) => [...list, { fileId: uploaded.fileId, fileName: uploaded.fileName, size: uploaded.size }]);
      }
    } finally {
      if (generation === this.generation) this.busy.set(false);
    }
  }

  /** Starts over for another record: nothing staged, and an upload still on its way is not added when it lands. */
  reset(): void {
    this.generation++;
    this.busy.set(false);
    this.files.set([]);
  }

  protected remove(fileId: string): void {
    this.files.update((list) => list.filter((f) => f.fileId !== fileId));
  }
}
