import type {
  CustomFieldDto,
  CustomFieldEntityType,
  CustomFieldType,
  DictionaryItemDto,
  DictionaryTypeDto,
} from '../../../shared/api/generated';

export type DictionaryType = DictionaryTypeDto;
export type DictionaryItem = DictionaryItemDto;
export type CustomField = CustomFieldDto;
export type EntityType = CustomFieldEntityType;
export type FieldType = CustomFieldType;

export const FIELD_TYPES: readonly FieldType[] = [
  'Text',
  'LongText',
  'Number',
  'Date',
  'Boolean',
  'Dictionary',
  'MultiSelect',
  'User',
];

/** Codes and field names: a lowercase letter first, then lowercase letters, digits, '-' or '_'. */
export const CODE_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const FIELD_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The text of a bilingual pair in the given UI language. */
export function localized(
  language: string,
  en: string | null | undefined,
  zh: string | null | undefined,
): string {
  return (language === 'zh-CN' ? zh || en : en || zh) ?? '';
}

/** The list with the moved entry placed at its new index (a copy). */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from === to || from < 0 || from >= copy.length) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, moved);
  return copy;
}

/** Field types whose values come from a dictionary. */
export function usesDictionary(type: FieldType): boolean {
  return type === 'Dictionary' || type === 'MultiSelect';
}
