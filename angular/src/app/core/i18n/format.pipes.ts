import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService } from './language.service';

/** Date and time in the current language's format; re-renders when the language changes. */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | Date | null | undefined, style: 'date' | 'datetime' = 'datetime'): string {
    if (value === null || value === undefined || value === '') return '';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(this.language.current(), options).format(date);
  }
}

/** A number in the current language's format. */
@Pipe({ name: 'localNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: number | string | null | undefined, options?: Intl.NumberFormatOptions): string {
    if (value === null || value === undefined || value === '') return '';
    return new Intl.NumberFormat(this.language.current(), options).format(Number(value));
  }
}

/** A list total: "10,000+" when the server stopped counting (totalIsLowerBound). */
@Pipe({ name: 'listTotal', pure: false })
export class ListTotalPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(total: number | string, isLowerBound: boolean): string {
    return formatTotal(Number(total), isLowerBound, this.language.current());
  }
}

export function formatTotal(total: number, isLowerBound: boolean, locale: string): string {
  return new Intl.NumberFormat(locale).format(total) + (isLowerBound ? '+' : '');
}
