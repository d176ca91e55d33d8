import { Routes } from '@angular/router';
import { CheckInMapPage } from './check-in-map.page';
import { CustomerDetailPage } from './customer-detail.page';
import { CustomerListPage } from './customer-list.page';
import { CustomerSettingsPage } from './customer-settings.page';

export const customerRoutes: Routes = [
  { path: '', component: CustomerListPage },
  { path: ':id', component: CustomerDetailPage, data: { breadcrumb: 'customers.detail' } },
];

export const checkInRoutes: Routes = [{ path: '', component: CheckInMapPage }];
export const customerSettingsRoutes: Routes = [{ path: '', component: CustomerSettingsPage }];
