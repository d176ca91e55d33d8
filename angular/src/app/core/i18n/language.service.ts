import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import type { Locale } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { NzDateAdapter } from 'ng-zorro-antd/core/time';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { firstValueFrom } from 'rxjs';
import { initialLanguage, isLanguage, Language, LANGUAGE_STORAGE_KEY } from './languages';

/** The current UI language: switches the texts, ng-zorro's own locale and date locale, and is remembered. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly nzI18n = inject(NzI18nService);
  private readonly dateAdapter = inject(NzDateAdapter) as NzDateAdapter<Date, Locale>;
  private readonly document = inject(DOCUMENT);
  private readonly storage = safeStorage();
  private readonly language = signal<Language>(initialLanguage(this.storage, globalThis.navigator?.language));

  /** The language in use, as a signal. */
  readonly current = this.language.asReadonly();

  /** Loads the remembered language; called once at start-up. */
  init(): Promise<void> {
    return this.use(this.language());
  }

  async use(language: Language): Promise<void> {
    await firstValueFrom(this.translate.use(language));
    this.nzI18n.setLocale(language === 'zh-CN' ? zh_CN : en_US);
    this.dateAdapter.setLocale(language === 'zh-CN' ? zhCN : enUS);
    this.document.documentElement.lang = language;
    this.storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    this.language.set(language);
  }

  /** Switches to the user's remembered language (from their profile), when there is one. */
  async adopt(preferred: string | null | undefined): Promise<void> {
    if (isLanguage(preferred) && preferred !== this.language()) await this.use(preferred);
  }

  /** The text of a key in the current language (for code that is not a template). */
  instant(key: string, params?: Record<string, unknown>): string {
    return this.translate.instant(key, params) as string;
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
