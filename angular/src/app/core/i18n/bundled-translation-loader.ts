import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { from, map, Observable } from 'rxjs';

/**
 * Loads a language's texts as a lazily imported, content-hashed chunk, so a new release never serves
 * stale texts from a browser cache (static assets are cached for a year).
 */
export class BundledTranslationLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    const load = lang === 'en-US' ? import('./translations/en-US.json') : import('./translations/zh-CN.json');
    return from(load).pipe(map((module) => module.default as TranslationObject));
  }
}
