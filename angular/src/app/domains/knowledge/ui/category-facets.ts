import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { CategoryCount, totalOf } from '../model/article';
import { CategoryLabel } from './category-label';

/** Counts by category as a side filter; "all" on top. The counts ignore the chosen category, so every one stays listed. */
@Component({
  selector: 'app-category-facets',
  imports: [TranslatePipe, NzMenuModule, CategoryLabel],
  styles: `
    :host { display: block; }
    .count { float: right; color: rgba(0, 0, 0, 0.45); }
  `,
  template: `
    <ul nz-menu nzMode="inline" data-test="knowledge-facets">
      <li nz-menu-item [nzSelected]="!selected()" (click)="pick.emit(null)" data-test="knowledge-facet-all">
        {{ 'knowledge.list.allCategories' | translate }} <span class="count">{{ total() }}</span>
      </li>
      @for (c of counts(); track c.code) {
        <li nz-menu-item [nzSelected]="selected() === c.code" (click)="pick.emit(c.code)" [attr.data-test]="'knowledge-facet-' + c.code">
          <app-category-label [code]="c.code" /> <span class="count">{{ c.count }}</span>
        </li>
      }
    </ul>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryFacets {
  readonly counts = input.required<readonly CategoryCount[]>();
  readonly selected = input<string | null>(null);
  readonly pick = output<string | null>();
  protected readonly total = computed(() => totalOf(this.counts()));
}
