import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { ArticleRow } from '../model/article';
import { CategoryLabel } from './category-label';

/** Rows of a list or search: title and summary are server HTML (escaped text, matches in <em>). */
@Component({
  selector: 'app-article-results',
  imports: [TranslatePipe, NzEmptyModule, NzTagModule, LocalDatePipe, CategoryLabel],
  styles: `
    .row { padding: 12px 4px; border-bottom: 1px solid #f0f0f0; cursor: pointer; }
    .row:hover { background: #fafafa; }
    .title { font-size: 15px; font-weight: 500; color: #1677ff; }
    .summary { color: rgba(0, 0, 0, 0.65); margin: 4px 0; }
    .meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    :host ::ng-deep em { color: #d4380d; font-style: normal; font-weight: 600; }
  `,
  template: `
    @for (a of rows(); track a.id) {
      <div class="row" (click)="open.emit(a)" data-test="knowledge-row">
        <div class="title" [innerHTML]="a.title" data-test="knowledge-row-title"></div>
        <div class="summary" [innerHTML]="a.summary" data-test="knowledge-row-summary"></div>
        <div class="meta">
          <nz-tag nzColor="blue"><app-category-label [code]="a.categoryCode" /></nz-tag>
          @if (staff()) {
            <nz-tag [nzColor]="a.status === 'Published' ? 'green' : 'default'">{{ 'knowledge.status.' + a.status | translate }}</nz-tag>
            <nz-tag>{{ 'knowledge.visibility.' + a.visibility | translate }}</nz-tag>
          }
          @for (t of a.tags; track t) {
            <span>#{{ t }}</span>
          }
          <span>{{ 'knowledge.list.views' | translate: { count: a.viewCount } }}</span>
          <span>{{ a.updatedAt | localDate }}</span>
        </div>
      </div>
    } @empty {
      <nz-empty [nzNotFoundContent]="(searching() ? 'knowledge.list.noMatches' : 'knowledge.list.empty') | translate" data-test="knowledge-empty" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleResults {
  readonly rows = input.required<readonly ArticleRow[]>();
  readonly staff = input(true);
  readonly searching = input(false);
  readonly open = output<ArticleRow>();
}
