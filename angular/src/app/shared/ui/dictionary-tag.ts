import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DictionaryItemCache, injectUiLanguage, labelIn } from './custom-field-support';

/**
 * A dictionary code shown by its label in the current language; as a coloured tag when `tag` is set
 * (customer level), else as plain text. Unknown codes show as they are.
 */
@Component({
  selector: 'app-dictionary-tag',
  imports: [NzTagModule],
  template: `
    @if (code()) {
      @if (tag()) {
        <nz-tag [nzColor]="color() ?? undefined" data-test="dictionary-tag">{{ label() }}</nz-tag>
      } @else {
        {{ label() }}
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DictionaryTag {
  private readonly dictionaries = inject(DictionaryItemCache);
  private readonly language = injectUiLanguage();
  readonly type = input.required<string>();
  readonly code = input<string | null | undefined>(null);
  readonly tag = input(false);

  private readonly item = computed(() => this.dictionaries.itemsOf(this.type()).find((i) => i.code === this.code()));
  protected readonly label = computed(() => {
    const item = this.item();
    return item ? labelIn(this.language(), item.labelEn, item.labelZh) : (this.code() ?? '');
  });
  protected readonly color = computed(() => this.item()?.color ?? null);
}
