import { Routes } from '@angular/router';
import { RoleEditorPage } from './role-editor.page';
import { RoleListPage } from './role-list.page';
import { UserDetailPage } from './user-detail.page';
import { UserListPage } from './user-list.page';

export const userRoutes: Routes = [
  { path: '', component: UserListPage },
  { path: ':id', component: UserDetailPage, data: { breadcrumb: 'users.detail' } },
];

export const roleRoutes: Routes = [
  { path: '', component: RoleListPage },
  { path: ':id', component: RoleEditorPage, data: { breadcrumb: 'roles.detail' } },
];
