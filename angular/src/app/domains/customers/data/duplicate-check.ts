import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { catchError, debounceTime, distinctUntilChanged, from, of, Subject, switchMap, tap } from 'rxjs';
import { CustomersService } from '../../../shared/api/generated';
import { Duplicate } from '../model/customer';

export interface DuplicateProbe {
  name: string;
  phones: string[];
  emails: string[];
  excludeId?: string | null;
}

/** How long typing must pause before the duplicate check asks the server. */
export const DUPLICATE_CHECK_DELAY_MS = 400;

/**
 * Live duplicate warning while a customer is typed in: waits for a pause in typing, asks
 * `/api/customers/duplicates` once for the latest input (older answers are dropped) and holds the matches.
 * Names shorter than two characters without phone or email are not checked.
 */
@Injectable()
export class DuplicateCheck {
  private readonly api = inject(CustomersService);
  private readonly input$ = new Subject<DuplicateProbe>();
  readonly matches = signal<Duplicate[]>([]);
  readonly checking = signal(false);

  constructor() {
    const subscription = this.input$
      .pipe(
        debounceTime(DUPLICATE_CHECK_DELAY_MS),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => this.checking.set(true)),
        switchMap((probe) => {
          if (!worthChecking(probe)) return of([] as Duplicate[]);
          return from(
            this.api.apiCustomersDuplicatesGet({
              name: probe.name.trim() || undefined,
              phone: probe.phones.length ? probe.phones : undefined,
              email: probe.emails.length ? probe.emails : undefined,
              excludeId: probe.excludeId ?? undefined,
            }),
          ).pipe(catchError(() => of([] as Duplicate[])));
        }),
      )
      .subscribe((matches) => {
        this.matches.set(matches);
        this.checking.set(false);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** The form changed: check again after the pause. */
  probe(probe: DuplicateProbe): void {
    this.input$.next({ ...probe, name: probe.name.trim() });
  }

  reset(): void {
    this.matches.set([]);
  }
}

function worthChecking(probe: DuplicateProbe): boolean {
  return probe.name.trim().length >= 2 || probe.phones.length > 0 || probe.emails.length > 0;
}
