import { Routes } from '@angular/router';
import { portalGuard, portalSignedOutGuard } from '../../../core/permissions/guards';
import { PortalAcceptPage, PortalSignUpPage } from './onboarding.pages';
import { PartnerCustomersPage } from './partner-customers.page';
import { PortalLoginPage } from './portal-login.page';
import { PortalNewRequestPage } from './new-request.page';
import { PortalRequestDetailPage } from './request-detail.page';
import { PortalRequestsPage } from './requests.page';
import { PortalShell } from './portal-shell';

/** /portal: sign-in, invitation, sign-up outside the shell; everything else inside it, with the knowledge base's article pages under "articles". */
export const portalRoutesWith = (articleRoutes: Routes): Routes => [
  { path: 'login', component: PortalLoginPage, canActivate: [portalSignedOutGuard] },
  { path: 'accept', component: PortalAcceptPage, canActivate: [portalSignedOutGuard] },
  { path: 'sign-up', component: PortalSignUpPage, canActivate: [portalSignedOutGuard] },
  {
    path: '',
    component: PortalShell,
    canActivate: [portalGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'requests' },
      { path: 'requests', component: PortalRequestsPage },
      { path: 'requests/new', component: PortalNewRequestPage },
      { path: 'requests/:id', component: PortalRequestDetailPage },
      { path: 'partner/customers', component: PartnerCustomersPage },
      { path: 'partner/tickets/new', component: PortalNewRequestPage, data: { partner: true } },
      { path: 'partner/tickets/:id', component: PortalRequestDetailPage, data: { partner: true } },
      { path: 'articles', children: articleRoutes },
    ],
  },
];
