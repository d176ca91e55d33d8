import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from '../i18n/language.service';

/** Tells the API the user's language, so texts it produces (e.g. permission names) match the UI. */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = inject(LanguageService).current();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
