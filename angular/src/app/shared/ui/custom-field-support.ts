import { inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { map } from 'rxjs';
import { DictionariesService } from '../api/generated';
import type { CustomFieldDto, DictionaryItemDto } from '../api/generated';

/** What the renderer needs of a custom field definition (the API's CustomFieldDto fits). */
export type CustomFieldDefinition = Pick<
  CustomFieldDto,
  | 'name'
  | 'labelEn'
  | 'labelZh'
  | 'fieldType'
  | 'precision'
  | 'dictionaryTypeCode'
  | 'isRequired'
  | 'defaultValue'
  | 'helpEn'
  | 'helpZh'
>;

/** Custom field values of one record, by field name (the API's JSON shape). */
export type CustomFieldValues = Record<string, unknown>;

/** The prefix of custom field keys in a validation ProblemDetails ("customFields.<name>"). */
export const CUSTOM_FIELDS_ERROR_PREFIX = 'customFields.';

/** No more decimals than the field's precision. */
export function precisionValidator(precision: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value;
    if (value === null || value === undefined || value === '') return null;
    const text = String(value);
    const decimals = text.includes('.') ? text.split('.')[1].length : 0;
    return decimals > precision ? { precision: { precision, actual: decimals } } : null;
  };
}

/** The field's default (stored as JSON text), or null. */
export function defaultOf(field: CustomFieldDefinition): unknown {
  if (field.defaultValue === null || field.defaultValue === undefined || field.defaultValue === '')
    return null;
  try {
    return JSON.parse(field.defaultValue);
  } catch {
    return field.defaultValue;
  }
}

function emptyOf(field: CustomFieldDefinition): unknown {
  if (field.fieldType === 'MultiSelect') return [];
  if (field.fieldType === 'Boolean') return false;
  return null;
}

/** One control per field, named as the field, with its validators; values come from `value`, else the field's default. */
export function buildCustomFieldsGroup(
  fields: readonly CustomFieldDefinition[],
  value: CustomFieldValues | null | undefined,
): FormGroup {
  const group = new FormGroup<Record<string, FormControl<unknown>>>({});
  for (const field of fields) {
    const validators: ValidatorFn[] = [];
    if (field.isRequired && field.fieldType !== 'Boolean') validators.push(Validators.required);
    if (field.fieldType === 'Number' && field.precision !== null && field.precision !== undefined)
      validators.push(precisionValidator(Number(field.precision)));
    if (field.fieldType === 'Text') validators.push(Validators.maxLength(1000));
    const held = value && field.name in value ? value[field.name] : undefined;
    const initial =
      held !== undefined && held !== null
        ? held
        : value && field.name in value
          ? emptyOf(field)
          : (defaultOf(field) ?? emptyOf(field));
    group.addControl(field.name, new FormControl<unknown>(initial, validators));
  }
  return group;
}

/**
 * Puts server messages keyed "customFields.<name>" (any case) on the matching controls (error key `server`).
 * Returns the messages no control took.
 */
export function applyCustomFieldErrors(
  group: FormGroup,
  messages: Record<string, string>,
): Record<string, string> {
  const unmatched: Record<string, string> = {};
  const names = Object.keys(group.controls);
  for (const [key, message] of Object.entries(messages)) {
    const lowerKey = key.toLowerCase();
    const prefix = CUSTOM_FIELDS_ERROR_PREFIX.toLowerCase();
    const fieldName = lowerKey.startsWith(prefix)
      ? key.slice(CUSTOM_FIELDS_ERROR_PREFIX.length)
      : null;
    const name =
      fieldName === null
        ? undefined
        : names.find((n) => n.toLowerCase() === fieldName.toLowerCase());
    const control = name ? group.controls[name] : null;
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else unmatched[key] = message;
  }
  return unmatched;
}

/** A date picker's Date as "yyyy-MM-dd" (local calendar day), and back. */
export function toIsoDay(date: Date | null | undefined): string | null {
  if (!date) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromIsoDay(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** The label of a bilingual pair in a UI language. */
export function labelIn(
  language: string,
  en: string | null | undefined,
  zh: string | null | undefined,
): string {
  return (language.startsWith('zh') ? zh || en : en || zh) ?? '';
}

/** The current UI language as a signal (ngx-translate's). */
export function injectUiLanguage() {
  const translate = inject(TranslateService);
  return toSignal(translate.onLangChange.pipe(map((e) => String(e.lang))), {
    initialValue: String(translate.getCurrentLang() ?? 'en-US'),
  });
}

/** Dictionary items by type code (disabled ones included), loaded once per type and shared by forms and list cells. */
@Injectable({ providedIn: 'root' })
export class DictionaryItemCache {
  private readonly api = inject(DictionariesService);
  private readonly items = signal<Record<string, DictionaryItemDto[]>>({});
  private readonly pending = new Map<string, Promise<void>>();

  /** The items of a type (empty until loaded); starts the load on first use. */
  itemsOf(typeCode: string | null | undefined): DictionaryItemDto[] {
    if (!typeCode) return [];
    const loaded = this.items()[typeCode];
    if (!loaded) void this.load(typeCode);
    return loaded ?? [];
  }

  load(typeCode: string, force = false): Promise<void> {
    if (!force && this.pending.has(typeCode)) return this.pending.get(typeCode)!;
    const request = this.api
      .apiDictionariesTypeCodeItemsGet({ typeCode, includeDisabled: true })
      .then((items) => this.items.update((all) => ({ ...all, [typeCode]: items })))
      .catch(() => this.items.update((all) => ({ ...all, [typeCode]: [] })));
    this.pending.set(typeCode, request);
    return request;
  }

  /** Forgets what was loaded (after the dictionaries changed). */
  clear(): void {
    this.pending.clear();
    this.items.set({});
  }
}
