import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { ArticleListStore } from '../data/article-list.store';
import { ArticleQuery, ArticleRow, ArticleStatus, ArticleVisibility, VISIBILITIES } from '../model/article';
import { ArticleResults } from '../ui/article-results';
import { CategoryFacets } from '../ui/category-facets';

/** Knowledge base: search box (highlighted hits), counts by category as a side filter, status and visibility filters, paging. */
@Component({
  selector: 'app-article-list-page',
  imports: [
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzPaginationModule,
    NzSelectModule,
    NzSpinModule,
    ArticleResults,
    CategoryFacets,
  ],
  providers: [ArticleListStore],
  styles: `
    .layout { display: flex; gap: 16px; align-items: flex-start; }
    .side { width: 220px; flex: none; }
    .main { flex: 1; min-width: 0; }
    .toolbar { display: flex; gap: 8px; margin-bottom: 8px; flex-wrap: wrap; }
    .pager { margin-top: 16px; text-align: right; }
  `,
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'knowledge.title' | translate }}</h2>
          <span class="muted">{{ 'knowledge.subtitle' | translate }}</span>
        </div>
        @if (canManage()) {
          <button nz-button nzType="primary" (click)="router.navigate(['/knowledge/new'])" data-test="knowledge-create">
            <nz-icon nzType="plus" /> {{ 'knowledge.list.create' | translate }}
          </button>
        }
      </div>
      <div class="toolbar">
        <nz-input-search nzEnterButton style="width: 420px">
          <input
            nz-input
            [ngModel]="store.query().q"
            (ngModelChange)="search($event)"
            [placeholder]="'knowledge.list.searchPlaceholder' | translate"
            data-test="knowledge-search"
          />
        </nz-input-search>
        @if (canManage()) {
          <nz-select style="width: 140px" nzAllowClear [nzPlaceHolder]="'knowledge.list.anyStatus' | translate" [ngModel]="store.query().status" (ngModelChange)="apply({ status: $event })" data-test="knowledge-filter-status">
            <nz-option nzValue="Draft" [nzLabel]="'knowledge.status.Draft' | translate" />
            <nz-option nzValue="Published" [nzLabel]="'knowledge.status.Published' | translate" />
          </nz-select>
        }
        <nz-select style="width: 160px" nzAllowClear [nzPlaceHolder]="'knowledge.list.anyVisibility' | translate" [ngModel]="store.query().visibility" (ngModelChange)="apply({ visibility: $event })" data-test="knowledge-filter-visibility">
          @for (v of visibilities; track v) {
            <nz-option [nzValue]="v" [nzLabel]="'knowledge.visibility.' + v | translate" />
          }
        </nz-select>
      </div>
      <div class="layout">
        <div class="side">
          <app-category-facets [counts]="store.page()?.categories ?? []" [selected]="store.query().category" (pick)="apply({ category: $event })" />
        </div>
        <div class="main">
          <nz-spin [nzSpinning]="store.loading()">
            @if (store.page(); as page) {
              <div class="muted" data-test="knowledge-total">{{ 'knowledge.list.total' | translate: { count: page.total } }}</div>
              <app-article-results [rows]="page.items" [searching]="!!store.query().q.trim() || !!store.query().category" (open)="open($event)" />
              @if (page.total > page.pageSize) {
                <nz-pagination class="pager" [nzPageIndex]="page.page" [nzPageSize]="page.pageSize" [nzTotal]="page.total" (nzPageIndexChange)="apply({ page: $event }, false)" />
              }
            }
          </nz-spin>
        </div>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleListPage implements OnInit {
  protected readonly store = inject(ArticleListStore);
  protected readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly permissions = inject(PermissionStore);
  protected readonly visibilities = VISIBILITIES;
  protected readonly canManage = computed(() => this.permissions.granted().has('Service.Knowledge.Manage'));
  private timer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    this.apply({});
  }

  protected search(q: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply({ q }), 250);
  }

  protected apply(change: Partial<ArticleQuery> & { status?: ArticleStatus | null; visibility?: ArticleVisibility | null }, firstPage = true): void {
    this.store.load(firstPage ? { ...change, page: 1 } : change).catch((e) => this.problems.show(e));
  }

  protected open(a: ArticleRow): void {
    void this.router.navigate(['/knowledge/articles', a.id]);
  }
}
