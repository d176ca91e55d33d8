/** The languages the UI speaks. Every text lives in translations/<language>.json. */
export type Language = 'zh-CN' | 'en-US';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'saascrm.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's preference, else Chinese. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | null, browserLanguage: string | undefined): Language {
  const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  if (browserLanguage && !browserLanguage.toLowerCase().startsWith('zh')) return 'en-US';
  return DEFAULT_LANGUAGE;
}
