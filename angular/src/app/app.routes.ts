import { Routes } from '@angular/router';
import { LoginPage } from './core/auth/login.page';
import { permissionGuard, signedInGuard, signedOutGuard } from './core/permissions/guards';
import { HomePage } from './layout/home.page';
import { NoAccessPage } from './layout/no-access.page';
import { NotFoundPage } from './layout/not-found.page';
import { Shell } from './layout/shell';

/** Every area names the permission it needs (`data.permission`); the side menu uses the same names (layout/menu.ts). */
export const routes: Routes = [
  { path: 'login', component: LoginPage, canMatch: [signedOutGuard] },
  // The customer and partner portal: its own shell and guards (core/permissions/guards.ts keeps staff and portal accounts
  // apart); the knowledge base's article pages are mounted inside that shell under /portal/articles.
  {
    path: 'portal',
    loadChildren: async () => {
      const [portal, knowledge] = await Promise.all([import('./domains/portal/feature/portal.routes'), import('./domains/knowledge/portal.routes')]);
      return portal.portalRoutesWith(knowledge.KNOWLEDGE_PORTAL_ROUTES);
    },
  },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', component: HomePage },
      {
        path: 'customers',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.Customers', breadcrumb: 'menu.customers', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.customerRoutes),
      },
      {
        path: 'pool',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.Pool', breadcrumb: 'menu.pool', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.poolRoutes),
      },
      {
        path: 'admin/pools',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.Pool.Manage', breadcrumb: 'menu.poolAdmin', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.poolAdminRoutes),
      },
      {
        path: 'handovers',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.Handover', breadcrumb: 'menu.handover', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.handoverRoutes),
      },
      {
        path: 'check-ins',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.FollowUps', breadcrumb: 'menu.checkIns', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.checkInRoutes),
      },
      {
        path: 'admin/customer-settings',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.Settings', breadcrumb: 'menu.customerSettings', scope: 'tenant' },
        loadChildren: () => import('./domains/customers/feature/customers.routes').then((m) => m.customerSettingsRoutes),
      },
      {
        path: 'service/tickets',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Tickets', breadcrumb: 'service.menu.tickets', scope: 'tenant' },
        loadChildren: () => import('./domains/service/feature/service.routes').then((m) => m.ticketRoutes),
      },
      {
        path: 'service/complaints',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Complaints', breadcrumb: 'service.menu.complaints', scope: 'tenant' },
        loadChildren: () => import('./domains/service/feature/service.routes').then((m) => m.complaintRoutes),
      },
      {
        path: 'service/complaint-statistics',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Complaints.Statistics', breadcrumb: 'service.menu.statistics', scope: 'tenant' },
        loadChildren: () => import('./domains/service/feature/service.routes').then((m) => m.complaintStatisticsRoutes),
      },
      {
        path: 'service/reports',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Reports', breadcrumb: 'reports.menu', scope: 'tenant' },
        loadChildren: () => import('./domains/reports/feature/reports.routes').then((m) => m.reportRoutes),
      },
      {
        path: 'callcenter/calls',
        canActivate: [permissionGuard],
        data: { permission: 'Service.CallCenter', breadcrumb: 'callcenter.menu.calls', scope: 'tenant' },
        loadChildren: () => import('./domains/callcenter/feature/callcenter.routes').then((m) => m.callLogRoutes),
      },
      {
        path: 'admin/telephony',
        canActivate: [permissionGuard],
        data: { permission: 'Service.CallCenter.Settings', breadcrumb: 'callcenter.menu.settings', scope: 'tenant' },
        loadChildren: () => import('./domains/callcenter/feature/callcenter.routes').then((m) => m.telephonySettingsRoutes),
      },
      {
        path: 'service/consultations',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Consultations', breadcrumb: 'consultations.menu', scope: 'tenant' },
        loadChildren: () => import('./domains/service/feature/service.routes').then((m) => m.consultationRoutes),
      },
      {
        path: 'service/returns',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Returns', breadcrumb: 'returns.menu', scope: 'tenant' },
        loadChildren: () => import('./domains/service/feature/service.routes').then((m) => m.returnRoutes),
      },
      {
        path: 'knowledge',
        canActivate: [permissionGuard],
        data: { permission: 'Service.Knowledge', breadcrumb: 'knowledge.menu', scope: 'tenant' },
        loadChildren: () => import('./domains/knowledge/feature/knowledge.routes').then((m) => m.KNOWLEDGE_ROUTES),
      },
      {
        path: 'host/tenants',
        canActivate: [permissionGuard],
        data: { permission: 'Host.Tenants', breadcrumb: 'menu.tenants' },
        loadChildren: () => import('./domains/host/feature/host.routes'),
      },
      {
        path: 'host/editions',
        canActivate: [permissionGuard],
        data: { permission: 'Host.Editions', breadcrumb: 'menu.editions' },
        loadChildren: () => import('./domains/host/feature/edition.routes'),
      },
      {
        path: 'admin/users',
        canActivate: [permissionGuard],
        data: { permission: 'Identity.Users', breadcrumb: 'menu.users' },
        loadChildren: () => import('./domains/identity/feature/identity.routes').then((m) => m.userRoutes),
      },
      {
        path: 'admin/roles',
        canActivate: [permissionGuard],
        data: { permission: 'Identity.Roles', breadcrumb: 'menu.roles' },
        loadChildren: () => import('./domains/identity/feature/identity.routes').then((m) => m.roleRoutes),
      },
      {
        path: 'admin/departments',
        canActivate: [permissionGuard],
        data: { permission: 'Departments', breadcrumb: 'menu.departments' },
        loadChildren: () => import('./domains/organization/feature/organization.routes'),
      },
      {
        path: 'admin/dictionaries',
        canActivate: [permissionGuard],
        data: { permission: 'Dictionaries', breadcrumb: 'menu.dictionaries', scope: 'tenant' },
        loadChildren: () => import('./domains/customization/feature/customization.routes').then((m) => m.dictionaryRoutes),
      },
      {
        path: 'admin/custom-fields',
        canActivate: [permissionGuard],
        data: { permission: 'CustomFields', breadcrumb: 'menu.customFields', scope: 'tenant' },
        loadChildren: () => import('./domains/customization/feature/customization.routes').then((m) => m.customFieldRoutes),
      },
      {
        path: 'admin/audit',
        canActivate: [permissionGuard],
        data: { permission: ['Audit.EntityChanges', 'Audit.SecurityLogs'], breadcrumb: 'menu.audit' },
        loadChildren: () => import('./domains/audit/feature/audit.routes'),
      },
      {
        path: 'admin/jobs',
        canActivate: [permissionGuard],
        data: { permission: 'Jobs', breadcrumb: 'menu.jobs', scope: 'tenant' },
        loadChildren: () => import('./domains/jobs/feature/jobs.routes'),
      },
      {
        path: 'host/jobs',
        canActivate: [permissionGuard],
        data: { permission: 'Host.Jobs', breadcrumb: 'menu.hostJobs', scope: 'host' },
        loadChildren: () => import('./domains/jobs/feature/jobs.routes'),
      },
      {
        path: 'search',
        canActivate: [permissionGuard],
        data: { permission: 'Search', breadcrumb: 'menu.search', scope: 'tenant' },
        loadChildren: () => import('./domains/search/feature/search.routes').then((m) => m.searchRoutes),
      },
      {
        path: 'reminders',
        canActivate: [permissionGuard],
        data: { permission: 'Customers.FollowUps', breadcrumb: 'menu.reminders', scope: 'tenant' },
        loadChildren: () => import('./domains/notifications/feature/notifications.routes').then((m) => m.reminderRoutes),
      },
      {
        path: 'notifications/preferences',
        canActivate: [permissionGuard],
        data: { permission: 'Notifications', breadcrumb: 'menu.notificationPreferences' },
        loadChildren: () => import('./domains/notifications/feature/notifications.routes').then((m) => m.preferenceRoutes),
      },
      // workflows: the specific paths first, "admin/workflows/:id" would take them otherwise
      {
        path: 'admin/workflows/instances',
        canActivate: [permissionGuard],
        data: { permission: 'Workflows.Instances', breadcrumb: 'workflows.menu.instances', scope: 'tenant' },
        loadChildren: () => import('./domains/workflows/feature/workflows.routes').then((m) => m.workflowInstanceRoutes),
      },
      {
        path: 'admin/workflows/calendars',
        canActivate: [permissionGuard],
        data: { permission: 'Workflows.Calendars', breadcrumb: 'workflows.menu.calendars', scope: 'tenant' },
        loadChildren: () => import('./domains/workflows/feature/workflows.routes').then((m) => m.workflowCalendarRoutes),
      },
      {
        path: 'admin/workflows/agents',
        canActivate: [permissionGuard],
        data: { permission: 'Workflows.Agents', breadcrumb: 'workflows.menu.agents', scope: 'tenant' },
        loadChildren: () => import('./domains/workflows/feature/workflows.routes').then((m) => m.workflowAgentRoutes),
      },
      {
        path: 'admin/workflows',
        canActivate: [permissionGuard],
        data: { permission: 'Workflows.Definitions', breadcrumb: 'workflows.menu.definitions', scope: 'tenant' },
        loadChildren: () => import('./domains/workflows/feature/workflows.routes').then((m) => m.workflowDefinitionRoutes),
      },
      {
        path: 'admin/portal-accounts',
        canActivate: [permissionGuard],
        data: { permission: 'Portal.Accounts', breadcrumb: 'portal.admin.accounts', scope: 'tenant' },
        loadChildren: () => import('./domains/portal/admin/portal-admin.routes').then((m) => m.portalAccountRoutes),
      },
      {
        path: 'admin/partners',
        canActivate: [permissionGuard],
        data: { permission: 'Portal.Partners', breadcrumb: 'portal.admin.partners', scope: 'tenant' },
        loadChildren: () => import('./domains/portal/admin/portal-admin.routes').then((m) => m.partnerRoutes),
      },
      { path: 'no-access', component: NoAccessPage },
      { path: '**', component: NotFoundPage },
    ],
  },
];
