import { Routes } from '@angular/router';

/** /callcenter/calls: the call log. */
export const callLogRoutes: Routes = [{ path: '', loadComponent: () => import('./call-logs.page').then((m) => m.CallLogsPage) }];

/** /admin/telephony: API keys and agent extensions. */
export const telephonySettingsRoutes: Routes = [{ path: '', loadComponent: () => import('./telephony-settings.page').then((m) => m.TelephonySettingsPage) }];
