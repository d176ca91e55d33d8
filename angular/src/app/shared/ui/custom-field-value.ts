import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { DictionaryItemDto } from '../api/generated';
import {
  CustomFieldDefinition,
  DictionaryItemCache,
  fromIsoDay,
  injectUiLanguage,
  labelIn,
} from './custom-field-support';

type Shown =
  | { kind: 'text'; text: string }
  | { kind: 'yesNo'; yes: boolean }
  | { kind: 'tags'; tags: { text: string; color: string | null; disabled: boolean }[] };

/**
 * A custom field value in a table cell: dictionary labels (as tags, in the current language), yes/no,
 * dates and numbers per locale, multi-select as tags. `<app-custom-field-value [field]="f" [value]="row.customFields?.[f.name]" />`
 */
@Component({
  selector: 'app-custom-field-value',
  imports: [TranslatePipe, NzTagModule],
  template: `
    @let s = shown();
    @switch (s.kind) {
      @case ('yesNo') {
        {{ (s.yes ? 'common.yes' : 'common.no') | translate }}
      }
      @case ('tags') {
        @for (t of s.tags; track $index) {
          <nz-tag [nzColor]="t.color ?? undefined" [class.disabled-item]="t.disabled">{{
            t.text
          }}</nz-tag>
        }
      }
      @default {
        {{ s.text }}
      }
    }
  `,
  styles: `
    .disabled-item {
      opacity: 0.6;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomFieldValue {
  private readonly dictionaries = inject(DictionaryItemCache);
  private readonly language = injectUiLanguage();

  readonly field = input.required<CustomFieldDefinition>();
  readonly value = input<unknown>(null);

  protected readonly shown = computed<Shown>(() => {
    const field = this.field();
    const value = this.value();
    const language = this.language();
    if (value === null || value === undefined || value === '')
      return field.fieldType === 'Boolean'
        ? { kind: 'yesNo', yes: false }
        : { kind: 'text', text: '' };
    switch (field.fieldType) {
      case 'Boolean':
        return { kind: 'yesNo', yes: value === true || value === 'true' };
      case 'Date': {
        const date = fromIsoDay(value);
        return {
          kind: 'text',
          text: date
            ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date)
            : String(value),
        };
      }
      case 'Number': {
        const precision =
          field.precision === null || field.precision === undefined
            ? undefined
            : Number(field.precision);
        return {
          kind: 'text',
          text: new Intl.NumberFormat(language, {
            minimumFractionDigits: precision,
            maximumFractionDigits: precision ?? 20,
          }).format(Number(value)),
        };
      }
      case 'Dictionary':
      case 'MultiSelect': {
        const items = this.dictionaries.itemsOf(field.dictionaryTypeCode);
        const codes = Array.isArray(value) ? value.map(String) : [String(value)];
        return { kind: 'tags', tags: codes.map((code) => tagOf(code, items, language)) };
      }
      default:
        return { kind: 'text', text: String(value) };
    }
  });
}

function tagOf(code: string, items: DictionaryItemDto[], language: string) {
  const item = items.find((i) => i.code === code);
  return {
    text: item ? labelIn(language, item.labelEn, item.labelZh) : code,
    color: item?.color ?? null,
    disabled: item ? !item.isEnabled : false,
  };
}
