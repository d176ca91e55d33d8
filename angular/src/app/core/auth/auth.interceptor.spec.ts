import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { writeSession } from './session-storage';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    writeSession({ accessToken: 'old-access', refreshToken: 'old-refresh', expiresAt: Date.now() + 60_000 });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => backend.verify());

  it('sends the bearer token to the API', async () => {
    const call = firstValueFrom(http.get('/api/identity/users'));
    const request = backend.expectOne('/api/identity/users');
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-access');
    request.flush({ items: [] });
    await call;
  });

  it('sends no token to sign-in calls, but does to the own profile', async () => {
    const login = firstValueFrom(http.post('/api/account/login', {}));
    const loginRequest = backend.expectOne('/api/account/login');
    expect(loginRequest.request.headers.has('Authorization')).toBe(false);
    loginRequest.flush({});
    const me = firstValueFrom(http.get('/api/account/me'));
    const request = backend.expectOne('/api/account/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-access');
    request.flush({});
    await Promise.all([login, me]);
  });

  it('refreshes the tokens once on a 401 and repeats the call', async () => {
    const call = firstValueFrom(http.get('/api/identity/users'));
    backend.expectOne('/api/identity/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    const refresh = backend.expectOne('/api/account/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'old-refresh' });
    refresh.flush({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 });
    const retried = await vi.waitFor(() => backend.expectOne('/api/identity/users'));
    expect(retried.request.headers.get('Authorization')).toBe('Bearer new-access');
    retried.flush({ items: ['ok'] });
    await expect(call).resolves.toEqual({ items: ['ok'] });
    expect(TestBed.inject(AuthService).accessToken()).toBe('new-access');
  });

  it('does not refresh a second time when the repeated call is refused too', async () => {
    const call = firstValueFrom(http.get('/api/identity/users'));
    backend.expectOne('/api/identity/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/account/refresh').flush({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 });
    const retried = await vi.waitFor(() => backend.expectOne('/api/identity/users'));
    retried.flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeTruthy();
    backend.expectNone('/api/account/refresh');
  });

  it('goes back to the login page with the page to return to when the refresh fails', async () => {
    await router.navigateByUrl('/');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    Object.defineProperty(router, 'url', { get: () => '/admin/users/42' });
    const call = firstValueFrom(http.get('/api/identity/users/42'));
    backend.expectOne('/api/identity/users/42').flush(null, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/account/refresh').flush({ code: 'account.invalid_refresh_token' }, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeTruthy();
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/admin/users/42' } });
  });
});
