import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { Subscription } from 'rxjs';
import { UsersService } from '../api/generated';
import type { DictionaryItemDto, NamedRef } from '../api/generated';
import {
  applyCustomFieldErrors,
  buildCustomFieldsGroup,
  CustomFieldDefinition,
  CustomFieldValues,
  DictionaryItemCache,
  fromIsoDay,
  injectUiLanguage,
  labelIn,
  toIsoDay,
} from './custom-field-support';
import { FieldErrors } from './field-errors';

/**
 * The custom fields of a record as form inputs: one control per field (named as the field) in `form`,
 * each type with its own input. Put `form` into the page's form (e.g. `addControl('customFields', r.form)`),
 * or listen to `valueChange`. Server validation errors keyed "customFields.<name>" go on their controls
 * through `showServerErrors`.
 */
@Component({
  selector: 'app-custom-fields-form',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    FieldErrors,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzDatePickerModule,
    NzSwitchModule,
    NzSelectModule,
  ],
  template: `
    <app-field-errors #errors />
    <div nz-form nzLayout="vertical" data-test="custom-fields-form">
      @for (f of fields(); track f.name) {
        @let control = controlOf(f.name);
        @if (control) {
          <nz-form-item [attr.data-test]="'cf-' + f.name">
            <nz-form-label
              [nzRequired]="f.isRequired"
              [nzFor]="idPrefix() + f.name"
              [nzTooltipTitle]="help(f) || undefined"
              >{{ label(f) }}</nz-form-label
            >
            <nz-form-control [nzErrorTip]="errors.template()">
              @switch (f.fieldType) {
                @case ('LongText') {
                  <textarea
                    nz-input
                    [id]="idPrefix() + f.name"
                    [formControl]="control"
                    rows="3"
                  ></textarea>
                }
                @case ('Number') {
                  <nz-input-number
                    [nzId]="idPrefix() + f.name"
                    [formControl]="control"
                    [nzPrecision]="f.precision === null ? null : +f.precision"
                    [nzStep]="f.precision ? 1 / 10 ** +f.precision : 1"
                    style="width: 100%"
                  />
                }
                @case ('Date') {
                  <nz-date-picker
                    [nzId]="idPrefix() + f.name"
                    style="width: 100%"
                    [ngModel]="dateOf(control.value)"
                    (ngModelChange)="setDate(control, $event)"
                    [nzStatus]="control.invalid && control.touched ? 'error' : ''"
                  />
                }
                @case ('Boolean') {
                  <nz-switch [id]="idPrefix() + f.name" [formControl]="control" />
                }
                @case ('Dictionary') {
                  <nz-select
                    [nzId]="idPrefix() + f.name"
                    [formControl]="control"
                    nzAllowClear
                    nzShowSearch
                    [nzPlaceHolder]="'customFields.selectPlaceholder' | translate"
                  >
                    @for (item of options(f, control.value); track item.code) {
                      <nz-option
                        [nzValue]="item.code"
                        [nzLabel]="itemLabel(item)"
                        [nzHide]="!item.isEnabled && item.code !== control.value"
                      />
                    }
                  </nz-select>
                }
                @case ('MultiSelect') {
                  <nz-select
                    [nzId]="idPrefix() + f.name"
                    nzMode="multiple"
                    [formControl]="control"
                    nzAllowClear
                    [nzPlaceHolder]="'customFields.selectPlaceholder' | translate"
                  >
                    @for (item of options(f, control.value); track item.code) {
                      <nz-option [nzValue]="item.code" [nzLabel]="itemLabel(item)" />
                    }
                  </nz-select>
                }
                @case ('User') {
                  <nz-select
                    [nzId]="idPrefix() + f.name"
                    [formControl]="control"
                    nzAllowClear
                    nzShowSearch
                    nzServerSearch
                    [nzPlaceHolder]="'customFields.selectUser' | translate"
                    (nzOnSearch)="searchUsers($event)"
                    (nzOpenChange)="$event && users().length === 0 && searchUsers('')"
                  >
                    @for (u of users(); track u.id) {
                      <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
                    }
                  </nz-select>
                }
                @default {
                  <input nz-input [id]="idPrefix() + f.name" [formControl]="control" />
                }
              }
            </nz-form-control>
          </nz-form-item>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomFieldsForm {
  private readonly dictionaries = inject(DictionaryItemCache);
  private readonly usersApi = inject(UsersService);
  protected readonly language = injectUiLanguage();

  /** The fields to show, in order (hidden fields left out by the caller). */
  readonly fields = input.required<readonly CustomFieldDefinition[]>();
  /** The record's values (null for a new record: defaults apply). */
  readonly value = input<CustomFieldValues | null>(null);
  /** A prefix for input ids, when a page shows more than one renderer. */
  readonly idPrefix = input('cf-');
  readonly valueChange = output<CustomFieldValues>();

  private readonly group = signal<FormGroup>(new FormGroup({}));
  protected readonly users = signal<NamedRef[]>([]);
  private subscription: Subscription | null = null;

  /** The controls by field name (rebuilt when the fields or the value change). */
  get form(): FormGroup {
    return this.group();
  }

  protected readonly controls = computed(
    () => this.group().controls as Record<string, FormControl<unknown>>,
  );

  constructor() {
    effect(() => {
      const fields = this.fields();
      const value = this.value();
      untracked(() => this.rebuild(fields, value));
    });
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  /** Shows validation messages of the API ("customFields.<name>" keys); returns those no field took. */
  showServerErrors(messages: Record<string, string>): Record<string, string> {
    return applyCustomFieldErrors(this.group(), messages);
  }

  protected controlOf(name: string): FormControl<unknown> | null {
    return this.controls()[name] ?? null;
  }

  protected label(f: CustomFieldDefinition): string {
    return labelIn(this.language(), f.labelEn, f.labelZh);
  }

  protected help(f: CustomFieldDefinition): string {
    return labelIn(this.language(), f.helpEn, f.helpZh);
  }

  protected itemLabel(item: DictionaryItemDto): string {
    return labelIn(this.language(), item.labelEn, item.labelZh);
  }

  /** Enabled items, plus disabled ones the record already holds. */
  protected options(f: CustomFieldDefinition, held: unknown): DictionaryItemDto[] {
    const codes = new Set(Array.isArray(held) ? held.map(String) : held ? [String(held)] : []);
    return this.dictionaries
      .itemsOf(f.dictionaryTypeCode)
      .filter((i) => i.isEnabled || codes.has(i.code));
  }

  protected dateOf(value: unknown): Date | null {
    return fromIsoDay(value);
  }

  protected setDate(control: FormControl<unknown>, date: Date | null): void {
    control.setValue(toIsoDay(date));
    control.markAsDirty();
    control.markAsTouched();
  }

  protected async searchUsers(filter: string): Promise<void> {
    try {
      this.users.set(
        await this.usersApi.apiIdentityUsersLookupGet({ filter: filter || undefined, max: 50 }),
      );
    } catch {
      this.users.set([]);
    }
  }

  private rebuild(fields: readonly CustomFieldDefinition[], value: CustomFieldValues | null): void {
    this.subscription?.unsubscribe();
    const group = buildCustomFieldsGroup(fields, value);
    this.group.set(group);
    this.subscription = group.valueChanges.subscribe(() =>
      this.valueChange.emit(group.getRawValue() as CustomFieldValues),
    );
    this.valueChange.emit(group.getRawValue() as CustomFieldValues);
    if (fields.some((f) => f.fieldType === 'User')) void this.searchUsers('');
  }
}
