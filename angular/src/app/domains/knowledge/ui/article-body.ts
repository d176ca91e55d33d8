import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { Article } from '../model/article';
import { CategoryLabel } from './category-label';

/** An article as readers see it: heading, category, tags, the (server-sanitised) rich text. */
@Component({
  selector: 'app-article-body',
  imports: [TranslatePipe, NzTagModule, LocalDatePipe, CategoryLabel],
  styles: `
    h1 { font-size: 22px; margin-bottom: 8px; }
    .meta { color: rgba(0, 0, 0, 0.45); display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 16px; }
    .body { font-size: 15px; line-height: 1.75; }
    .body ::ng-deep h2 { font-size: 17px; margin-top: 16px; }
  `,
  template: `
    <h1 data-test="knowledge-read-title">{{ article().title }}</h1>
    <div class="meta">
      <nz-tag nzColor="blue"><app-category-label [code]="article().categoryCode" /></nz-tag>
      @for (t of article().tags; track t) {
        <span>#{{ t }}</span>
      }
      <span>{{ 'knowledge.list.views' | translate: { count: article().viewCount } }}</span>
      <span>{{ (article().publishedAt ?? article().modifiedAt ?? article().createdAt) | localDate }}</span>
    </div>
    <div class="body ql-editor" style="padding: 0" [innerHTML]="article().body" data-test="knowledge-read-body"></div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleBody {
  readonly article = input.required<Article>();
}
