import { Routes } from '@angular/router';
import { LoginPage } from './core/auth/login.page';
import { signedInGuard, signedOutGuard } from './core/permissions/guards';
import { HomePage } from './layout/home.page';
import { NoAccessPage } from './layout/no-access.page';
import { NotFoundPage } from './layout/not-found.page';
import { Shell } from './layout/shell';

export const routes: Routes = [
  { path: 'login', component: LoginPage, canMatch: [signedOutGuard], title: 'SaasCrm' },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', component: HomePage },
      { path: 'host', loadChildren: () => import('./domains/host/feature/host.routes') },
      { path: 'admin', loadChildren: () => import('./domains/admin.routes') },
      { path: 'no-access', component: NoAccessPage },
      { path: '**', component: NotFoundPage },
    ],
  },
];
