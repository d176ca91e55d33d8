import { Routes } from '@angular/router';
import { permissionGuard } from '../../../core/permissions/guards';
import { CheckInMapPage } from './check-in-map.page';
import { CustomerDetailPage } from './customer-detail.page';
import { CustomerListPage } from './customer-list.page';
import { CustomerSettingsPage } from './customer-settings.page';

export const customerRoutes: Routes = [
  { path: '', component: CustomerListPage },
  { path: 'merge', loadComponent: () => import('./merge.page').then((m) => m.MergePage), data: { breadcrumb: 'customers.merge.title', permission: 'Customers.Customers.Merge' }, canActivate: [permissionGuard] },
  { path: 'import', loadComponent: () => import('./import.page').then((m) => m.ImportPage), data: { breadcrumb: 'customers.import.title', permission: 'Customers.Customers.Import' }, canActivate: [permissionGuard] },
  { path: ':id', component: CustomerDetailPage, data: { breadcrumb: 'customers.detail' } },
];

export const checkInRoutes: Routes = [{ path: '', component: CheckInMapPage }];
export const customerSettingsRoutes: Routes = [{ path: '', component: CustomerSettingsPage }];
export const poolRoutes: Routes = [{ path: '', loadComponent: () => import('./pool.page').then((m) => m.PoolPage) }];
export const poolAdminRoutes: Routes = [{ path: '', loadComponent: () => import('./pool-admin.page').then((m) => m.PoolAdminPage) }];
export const handoverRoutes: Routes = [{ path: '', loadComponent: () => import('./handover.page').then((m) => m.HandoverPage) }];
