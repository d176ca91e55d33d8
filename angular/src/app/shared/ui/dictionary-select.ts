import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { DictionaryItemCache, injectUiLanguage, labelIn } from './custom-field-support';

/** A select of a dictionary's enabled items (the current value stays listed even when disabled since). */
@Component({
  selector: 'app-dictionary-select',
  imports: [FormsModule, NzSelectModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DictionarySelect), multi: true }],
  template: `
    <nz-select
      [nzMode]="multiple() ? 'multiple' : 'default'"
      nzAllowClear
      [nzPlaceHolder]="placeholder()"
      [ngModel]="value()"
      (ngModelChange)="change($event)"
      [nzDisabled]="disabled()"
      [style.width]="width()"
      [nzMaxTagCount]="2"
    >
      @for (o of options(); track o.code) {
        <nz-option [nzValue]="o.code" [nzLabel]="o.label" [nzDisabled]="!o.enabled" [nzHide]="!o.enabled && !isSelected(o.code)" />
      }
    </nz-select>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DictionarySelect implements ControlValueAccessor {
  private readonly dictionaries = inject(DictionaryItemCache);
  private readonly language = injectUiLanguage();
  readonly type = input.required<string>();
  readonly multiple = input(false);
  readonly placeholder = input('');
  readonly width = input('100%');
  protected readonly value = signal<string | string[] | null>(null);
  protected readonly disabled = signal(false);
  private onChange: (v: unknown) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected readonly options = computed(() =>
    this.dictionaries
      .itemsOf(this.type())
      .map((i) => ({ code: i.code, label: labelIn(this.language(), i.labelEn, i.labelZh), enabled: i.isEnabled })),
  );

  protected isSelected(code: string): boolean {
    const v = this.value();
    return Array.isArray(v) ? v.includes(code) : v === code;
  }

  protected change(value: string | string[] | null): void {
    this.value.set(value);
    this.onChange(value ?? (this.multiple() ? [] : null));
    this.onTouched();
  }

  writeValue(value: string | string[] | null): void {
    this.value.set(value ?? (this.multiple() ? [] : null));
  }
  registerOnChange(fn: (v: unknown) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }
  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
