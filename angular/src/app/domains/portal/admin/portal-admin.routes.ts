import { Routes } from '@angular/router';
import { PartnersPage } from './partners.page';
import { PortalAccountsPage } from './portal-accounts.page';

/** Staff pages of the portals, inside the staff shell. */
export const portalAccountRoutes: Routes = [{ path: '', component: PortalAccountsPage }];
export const partnerRoutes: Routes = [{ path: '', component: PartnersPage }];
