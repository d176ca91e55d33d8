import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ArticleListStore } from '../data/article-list.store';
import { ArticleQuery, ArticleRow } from '../model/article';
import { ArticleResults } from '../ui/article-results';
import { CategoryFacets } from '../ui/category-facets';

/** The portal's help centre: search the articles published for the account's kind, counts by category, paging. */
@Component({
  selector: 'app-portal-article-search-page',
  imports: [FormsModule, TranslatePipe, NzInputModule, NzPaginationModule, NzSpinModule, ArticleResults, CategoryFacets],
  providers: [ArticleListStore],
  styles: `
    :host { display: block; max-width: 1080px; margin: 0 auto; padding: 24px; }
    .hero { text-align: center; margin-bottom: 24px; }
    .hero h1 { font-size: 24px; }
    .layout { display: flex; gap: 16px; align-items: flex-start; }
    .side { width: 200px; flex: none; }
    .main { flex: 1; min-width: 0; background: #fff; padding: 8px 16px; border-radius: 8px; }
    .pager { margin-top: 16px; text-align: right; }
  `,
  template: `
    <div class="hero">
      <h1 data-test="portal-articles-title">{{ 'knowledge.portal.title' | translate }}</h1>
      <nz-input-search nzEnterButton style="max-width: 560px">
        <input
          nz-input
          nzSize="large"
          [ngModel]="store.query().q"
          (ngModelChange)="search($event)"
          [placeholder]="'knowledge.portal.searchPlaceholder' | translate"
          data-test="portal-articles-search"
        />
      </nz-input-search>
    </div>
    <div class="layout">
      <div class="side">
        <app-category-facets [counts]="store.page()?.categories ?? []" [selected]="store.query().category" (pick)="apply({ category: $event })" />
      </div>
      <div class="main">
        <nz-spin [nzSpinning]="store.loading()">
          @if (store.page(); as page) {
            <app-article-results [rows]="page.items" [staff]="false" [searching]="!!store.query().q.trim() || !!store.query().category" (open)="open($event)" />
            @if (page.total > page.pageSize) {
              <nz-pagination class="pager" [nzPageIndex]="page.page" [nzPageSize]="page.pageSize" [nzTotal]="page.total" (nzPageIndexChange)="apply({ page: $event }, false)" />
            }
          }
        </nz-spin>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalArticleSearchPage implements OnInit {
  protected readonly store = inject(ArticleListStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly problems = inject(ProblemMessageService);
  private timer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    this.apply({ q: this.route.snapshot.queryParamMap.get('q') ?? '' });
  }

  protected search(q: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply({ q }), 250);
  }

  protected apply(change: Partial<ArticleQuery>, firstPage = true): void {
    this.store.loadPortal(firstPage ? { ...change, page: 1 } : change).catch((e) => this.problems.show(e));
  }

  protected open(a: ArticleRow): void {
    void this.router.navigate([a.id], { relativeTo: this.route });
  }
}
