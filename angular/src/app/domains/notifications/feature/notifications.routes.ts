import { Routes } from '@angular/router';

export const reminderRoutes: Routes = [{ path: '', loadComponent: () => import('./reminders.page').then((m) => m.RemindersPage) }];
export const preferenceRoutes: Routes = [{ path: '', loadComponent: () => import('./preferences.page').then((m) => m.PreferencesPage) }];
