import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { isSeededCategory } from '../model/article';

/** A category by its label: the seeded ones translated, a tenant's own ones by their code (works on the portal too). */
@Component({
  selector: 'app-category-label',
  imports: [TranslatePipe],
  template: `{{ seeded() ? ('knowledge.category.' + code() | translate) : code() }}`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryLabel {
  readonly code = input.required<string>();
  protected readonly seeded = computed(() => isSeededCategory(this.code()));
}
