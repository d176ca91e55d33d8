import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import type { ArticleAttachmentDto } from '../../../shared/api/generated';

/** An article's files as download links; the page decides where the download comes from (staff or portal endpoint). */
@Component({
  selector: 'app-article-attachments',
  imports: [TranslatePipe, NzIconModule],
  styles: `
    :host { display: block; margin: 16px 0; }
    .label { color: rgba(0, 0, 0, 0.45); margin-right: 8px; }
    .files { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
    a { cursor: pointer; }
  `,
  template: `
    @if (files().length) {
      <div class="files" data-test="article-files">
        <span class="label">{{ 'knowledge.read.attachments' | translate }}:</span>
        @for (f of files(); track f.fileId) {
          <a (click)="download.emit(f)" [title]="'knowledge.read.download' | translate" data-test="article-attachment">
            <nz-icon nzType="paper-clip" /> {{ f.fileName }} <span class="label">({{ size(f.size) }})</span>
          </a>
        }
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleAttachments {
  readonly files = input.required<readonly ArticleAttachmentDto[]>();
  readonly download = output<ArticleAttachmentDto>();
  /** Long integers come as number or numeric string in the OpenAPI types. */
  protected readonly size = (value: number | string) => {
    const bytes = Number(value);
    return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  };
}
