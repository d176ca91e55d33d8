import { Routes } from '@angular/router';
import { TenantDetailPage } from './tenant-detail.page';
import { TenantListPage } from './tenant-list.page';

export default [
  { path: '', component: TenantListPage },
  { path: ':id', component: TenantDetailPage, data: { breadcrumb: 'tenants.detail' } },
] satisfies Routes;
