import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import {
  CustomFieldDefinition,
  DictionaryItemCache,
  fromIsoDay,
  injectUiLanguage,
  labelIn,
  toIsoDay,
} from './custom-field-support';

/** One custom field condition of a list query: `cf.<name>=<op>:<value>` (the API's syntax). */
export interface CustomFieldCondition {
  name: string;
  op: 'eq' | 'contains' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';
  value: string;
}

/**
 * Filter inputs for a record type's custom fields, one per field, each with the operator that fits its type:
 * text contains, number and date from/to, yes/no, dictionary "any of". Emits the whole set of conditions
 * whenever one changes (empty inputs are left out).
 */
@Component({
  selector: 'app-custom-field-filter',
  imports: [FormsModule, TranslatePipe, NzInputModule, NzInputNumberModule, NzSelectModule, NzDatePickerModule],
  template: `
    <div class="cf-filters" data-test="custom-field-filter">
      @for (f of fields(); track f.name) {
        <div class="cf-filter" [attr.data-test]="'cf-filter-' + f.name">
          <label>{{ label(f) }}</label>
          @switch (f.fieldType) {
            @case ('Number') {
              <nz-input-number [ngModel]="number(f.name, 'gte')" (ngModelChange)="set(f.name, 'gte', $event)" [nzPlaceHolder]="'common.from' | translate" />
              <nz-input-number [ngModel]="number(f.name, 'lte')" (ngModelChange)="set(f.name, 'lte', $event)" [nzPlaceHolder]="'common.to' | translate" />
            }
            @case ('Date') {
              <nz-date-picker [ngModel]="date(f.name, 'gte')" (ngModelChange)="setDate(f.name, 'gte', $event)" [nzPlaceHolder]="'common.from' | translate" />
              <nz-date-picker [ngModel]="date(f.name, 'lte')" (ngModelChange)="setDate(f.name, 'lte', $event)" [nzPlaceHolder]="'common.to' | translate" />
            }
            @case ('Boolean') {
              <nz-select nzAllowClear style="width: 120px" [ngModel]="text(f.name, 'eq')" (ngModelChange)="set(f.name, 'eq', $event)">
                <nz-option nzValue="true" [nzLabel]="'common.yes' | translate" />
                <nz-option nzValue="false" [nzLabel]="'common.no' | translate" />
              </nz-select>
            }
            @case ('Dictionary') {
              <nz-select nzMode="multiple" nzAllowClear style="min-width: 180px" [ngModel]="list(f.name)" (ngModelChange)="setList(f.name, $event)">
                @for (i of items(f); track i.code) {
                  <nz-option [nzValue]="i.code" [nzLabel]="i.label" />
                }
              </nz-select>
            }
            @case ('MultiSelect') {
              <nz-select nzMode="multiple" nzAllowClear style="min-width: 180px" [ngModel]="list(f.name)" (ngModelChange)="setList(f.name, $event)">
                @for (i of items(f); track i.code) {
                  <nz-option [nzValue]="i.code" [nzLabel]="i.label" />
                }
              </nz-select>
            }
            @default {
              <input nz-input style="width: 180px" [ngModel]="text(f.name, 'contains')" (ngModelChange)="set(f.name, 'contains', $event)" />
            }
          }
        </div>
      } @empty {
        <span class="muted">{{ 'common.noCustomFields' | translate }}</span>
      }
    </div>
  `,
  styles: `
    .cf-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .cf-filter {
      display: flex;
      align-items: center;
      gap: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomFieldFilter {
  private readonly dictionaries = inject(DictionaryItemCache);
  private readonly language = injectUiLanguage();
  /** Fields that can be filtered (hidden ones left out by the caller). */
  readonly fields = input.required<readonly CustomFieldDefinition[]>();
  readonly value = input<readonly CustomFieldCondition[]>([]);
  readonly valueChange = output<CustomFieldCondition[]>();

  private readonly byKey = computed(() => new Map(this.value().map((c) => [`${c.name}|${c.op}`, c.value])));

  protected label(f: CustomFieldDefinition): string {
    return labelIn(this.language(), f.labelEn, f.labelZh);
  }
  protected items(f: CustomFieldDefinition) {
    return this.dictionaries
      .itemsOf(f.dictionaryTypeCode)
      .map((i) => ({ code: i.code, label: labelIn(this.language(), i.labelEn, i.labelZh) }));
  }
  protected text(name: string, op: string): string | null {
    return this.byKey().get(`${name}|${op}`) ?? null;
  }
  protected number(name: string, op: string): number | null {
    const v = this.text(name, op);
    return v === null ? null : Number(v);
  }
  protected date(name: string, op: string): Date | null {
    return fromIsoDay(this.text(name, op));
  }
  protected list(name: string): string[] {
    const v = this.text(name, 'in');
    return v ? v.split(',') : [];
  }
  protected setDate(name: string, op: CustomFieldCondition['op'], value: Date | null): void {
    this.set(name, op, toIsoDay(value));
  }
  protected setList(name: string, codes: string[] | null): void {
    this.set(name, 'in', codes && codes.length ? codes.join(',') : null);
  }
  protected set(name: string, op: CustomFieldCondition['op'], value: unknown): void {
    this.valueChange.emit(withCondition(this.value(), name, op, value));
  }
}

/** The conditions with one (name, op) replaced; an empty value removes it. */
export function withCondition(
  conditions: readonly CustomFieldCondition[],
  name: string,
  op: CustomFieldCondition['op'],
  value: unknown,
): CustomFieldCondition[] {
  const rest = conditions.filter((c) => !(c.name === name && c.op === op));
  if (value === null || value === undefined || value === '') return rest;
  return [...rest, { name, op, value: String(value) }];
}
