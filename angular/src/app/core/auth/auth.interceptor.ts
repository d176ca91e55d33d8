import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/**
 * Adds the bearer token to API calls. A 401 refreshes the tokens once and repeats the call;
 * when that fails too, the user goes back to the login page with the page to come back to.
 */
const ANONYMOUS = ['/api/account/login', '/api/account/refresh', '/api/account/logout'];

export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/') || ANONYMOUS.includes(request.url)) return next(request);
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.accessToken();
  const withToken = (value: string | null) => (value ? request.clone({ setHeaders: { Authorization: `Bearer ${value}` } }) : request);

  return next(withToken(token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || token === null) return throwError(() => error);
      return from(auth.refresh(token)).pipe(
        switchMap((refreshed) => {
          if (!refreshed) {
            auth.endSession(currentUrl(router));
            return throwError(() => error);
          }
          return next(withToken(auth.accessToken())).pipe(
            catchError((retryError: unknown) => {
              if (retryError instanceof HttpErrorResponse && retryError.status === 401) auth.endSession(currentUrl(router));
              return throwError(() => retryError);
            }),
          );
        }),
      );
    }),
  );
};

function currentUrl(router: Router): string {
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : router.url;
}
