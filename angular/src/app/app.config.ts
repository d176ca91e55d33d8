import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import {
  DefaultMissingTranslationHandler,
  MissingTranslationHandler,
  provideTranslateService,
  TranslateCompiler,
  TranslateDefaultParser,
  TranslateLoader,
  TranslateNoOpCompiler,
  TranslateParser,
} from '@ngx-translate/core';
import { provideNzDateFnsAdapter } from 'ng-zorro-antd/core/time';
import { zh_CN, provideNzI18n } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { languageInterceptor } from './core/http/language.interceptor';
import { BundledTranslationLoader } from './core/i18n/bundled-translation-loader';
import { DEFAULT_LANGUAGE } from './core/i18n/languages';
import { APP_ICONS } from './core/icons';
import { provideStartup } from './core/startup/startup';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideHttpClient(withInterceptors([languageInterceptor, authInterceptor])),
    // Explicit provider objects: ngx-translate tells classes from factories by their source text, which minification changes.
    provideTranslateService({
      loader: { provide: TranslateLoader, useClass: BundledTranslationLoader },
      compiler: { provide: TranslateCompiler, useClass: TranslateNoOpCompiler },
      parser: { provide: TranslateParser, useClass: TranslateDefaultParser },
      missingTranslationHandler: { provide: MissingTranslationHandler, useClass: DefaultMissingTranslationHandler },
      fallbackLang: DEFAULT_LANGUAGE,
    }),
    provideNzI18n(zh_CN),
    provideNzDateFnsAdapter(),
    provideNzIcons(APP_ICONS),
    provideStartup(),
  ],
};
