import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { SearchStore } from '../data/search.store';
import { groupCount, groupLabel, hitTarget, SearchGroup, SearchHit } from '../model/search';

/** Search results page: groups by type with counts, one group paged at a time. */
@Component({
  selector: 'app-search-page',
  imports: [TranslatePipe, NzEmptyModule, NzListModule, NzPaginationModule, NzSpinModule, NzTabsModule],
  providers: [SearchStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .hit { cursor: pointer; padding: 8px 0; border-bottom: 1px solid #f0f0f0; }
    .hit ::ng-deep em { color: #d4380d; font-style: normal; font-weight: 600; }
    .frag { color: rgba(0,0,0,.55); font-size: 12px; }
  `,
  template: `
    <div class="page-head">
      <h2 class="page-title" data-test="search-title">{{ 'search.resultsFor' | translate: { q: q() } }}</h2>
    </div>
    <div class="page-card" data-test="search-results">
      @if (store.loading()) {
        <nz-spin nzSimple />
      }
      @for (g of store.shown(); track g.type) {
        <h3 [attr.data-test]="'search-result-group-' + g.type">{{ label(g) }} ({{ count(g) }})</h3>
        @for (h of g.hits; track h.id) {
          <div class="hit" (click)="go(h)" data-test="search-result-hit">
            <div [innerHTML]="h.title"></div>
            @if (h.subtitle) {
              <div class="frag">{{ h.subtitle }}</div>
            }
            @for (f of h.highlights; track $index) {
              <div class="frag" [innerHTML]="f.fragment"></div>
            }
          </div>
        }
        @if (+g.total > pageSize) {
          <nz-pagination [nzPageIndex]="pageOf(g.type)" [nzTotal]="+g.total" [nzPageSize]="pageSize" (nzPageIndexChange)="page(g.type, $event)" nzSize="small" style="margin: 8px 0 16px" />
        }
      } @empty {
        @if (!store.loading()) {
          <nz-empty [nzNotFoundContent]="'search.none' | translate" />
        }
      }
    </div>
  `,
})
export class SearchPage {
  readonly q = input<string>('');
  protected readonly store = inject(SearchStore);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly language = inject(LanguageService);
  private readonly lang = computed(() => this.language.current());
  protected readonly pageSize = 10;
  private readonly pages = signal<Record<string, number>>({});

  constructor() {
    effect(() => {
      const q = this.q();
      this.pages.set({});
      this.store.search(q, 1, this.pageSize).catch((e: unknown) => this.problems.show(e));
    });
  }

  protected label(g: SearchGroup): string {
    return groupLabel(g, this.lang());
  }

  protected count(g: SearchGroup): string {
    return groupCount({ total: Number(g.total), totalIsLowerBound: g.totalIsLowerBound });
  }

  protected pageOf(type: string): number {
    return this.pages()[type] ?? 1;
  }

  protected page(type: string, page: number): void {
    this.pages.update((p) => ({ ...p, [type]: page }));
    this.store.pageGroup(type, page).catch((e: unknown) => this.problems.show(e));
  }

  protected go(hit: SearchHit): void {
    const target = hitTarget(hit.link);
    if (target) void this.router.navigate([target.path], { queryParams: target.queryParams });
  }
}
