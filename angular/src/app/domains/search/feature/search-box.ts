import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { LanguageService } from '../../../core/i18n/language.service';
import { SearchStore } from '../data/search.store';
import { groupCount, groupLabel, hitTarget, SearchGroup, SearchHit } from '../model/search';

/** Header search: results as you type (debounced), grouped by type; Enter opens the results page. */
@Component({
  selector: 'app-search-box',
  imports: [FormsModule, TranslatePipe, NzIconModule, NzInputModule],
  providers: [SearchStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { position: relative; display: inline-block; }
    .drop { position: absolute; top: 40px; left: 0; width: 420px; max-height: 480px; overflow: auto; background: #fff; z-index: 1050;
      box-shadow: 0 6px 16px rgba(0,0,0,.12); border-radius: 8px; padding: 4px 0; line-height: 1.5; }
    .group { padding: 4px 12px; color: rgba(0,0,0,.45); font-size: 12px; display: flex; justify-content: space-between; }
    .hit { padding: 6px 12px; cursor: pointer; }
    .hit:hover { background: #f5f5f5; }
    .frag { color: rgba(0,0,0,.55); font-size: 12px; }
    .hit ::ng-deep em { color: #d4380d; font-style: normal; font-weight: 600; }
  `,
  template: `
    <nz-input-wrapper class="search">
      <nz-icon nzInputPrefix nzType="search" />
      <input
        nz-input
        [placeholder]="'shell.searchPlaceholder' | translate"
        [ngModel]="text()"
        (ngModelChange)="typed($event)"
        (keyup.enter)="enter()"
        (keyup.escape)="open.set(false)"
        (focus)="open.set(true)"
        (blur)="closeSoon()"
        data-test="global-search"
      />
    </nz-input-wrapper>
    @if (open() && text().trim()) {
      <div class="drop" data-test="search-dropdown">
        @for (g of store.shown(); track g.type) {
          <div class="group" [attr.data-test]="'search-group-' + g.type">
            <span>{{ label(g) }}</span><span>{{ count(g) }}</span>
          </div>
          @for (h of g.hits; track h.id) {
            <div class="hit" (mousedown)="go(h)" data-test="search-hit">
              <div [innerHTML]="h.title"></div>
              @for (f of h.highlights.slice(0, 1); track $index) {
                <div class="frag" [innerHTML]="f.fragment"></div>
              }
            </div>
          }
        } @empty {
          <div class="group">{{ (store.loading() ? 'search.searching' : 'search.none') | translate }}</div>
        }
      </div>
    }
  `,
})
export class SearchBox {
  protected readonly store = inject(SearchStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  protected readonly text = signal('');
  protected readonly open = signal(false);
  private readonly lang = computed(() => this.language.current());
  private timer: ReturnType<typeof setTimeout> | null = null;

  protected label(g: SearchGroup): string {
    return groupLabel(g, this.lang());
  }

  protected count(g: SearchGroup): string {
    return groupCount({ total: Number(g.total), totalIsLowerBound: g.totalIsLowerBound });
  }

  protected typed(value: string): void {
    this.text.set(value);
    this.open.set(true);
    if (this.timer) clearTimeout(this.timer);
    if (!value.trim()) {
      this.store.clear();
      return;
    }
    this.timer = setTimeout(() => this.store.search(value, 1, 5).catch(() => undefined), 250);
  }

  protected enter(): void {
    const q = this.text().trim();
    if (!q) return;
    if (this.timer) clearTimeout(this.timer);
    this.open.set(false);
    void this.router.navigate(['/search'], { queryParams: { q } });
  }

  protected closeSoon(): void {
    setTimeout(() => this.open.set(false), 150);
  }

  protected go(hit: SearchHit): void {
    const target = hitTarget(hit.link);
    this.open.set(false);
    if (target) void this.router.navigate([target.path], { queryParams: target.queryParams });
  }
}
