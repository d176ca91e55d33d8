import { Routes } from '@angular/router';

export const reportRoutes: Routes = [{ path: '', loadComponent: () => import('./reports.page').then((m) => m.ReportsPage) }];
