/**
 * One entry of the side menu: shown only when the user holds one of its permissions.
 * Dictionaries and custom fields are configuration screens: every user reads them (their view permissions
 * feed the record forms), so the menu offers them to those who may edit them; the view permission still
 * opens them read-only by URL.
 */
export interface MenuItem {
  /** translation key */
  label: string;
  icon: string;
  route: string;
  permission: string | readonly string[];
}

export interface MenuGroup {
  label: string;
  icon: string;
  items: readonly MenuItem[];
}

export const MENU: readonly MenuGroup[] = [
  {
    label: 'menu.crm',
    icon: 'team',
    items: [
      { label: 'menu.customers', icon: 'contacts', route: '/customers', permission: 'Customers.Customers' },
      { label: 'menu.pool', icon: 'inbox', route: '/pool', permission: 'Customers.Pool' },
      { label: 'menu.handover', icon: 'swap', route: '/handovers', permission: 'Customers.Handover' },
      { label: 'menu.reminders', icon: 'bell', route: '/reminders', permission: 'Customers.FollowUps' },
      { label: 'menu.checkIns', icon: 'environment', route: '/check-ins', permission: 'Customers.FollowUps' },
    ],
  },
  {
    label: 'service.menu.group',
    icon: 'message',
    items: [
      { label: 'service.menu.myTickets', icon: 'user', route: '/service/tickets/mine', permission: 'Service.Tickets' },
      { label: 'service.menu.queue', icon: 'inbox', route: '/service/tickets/queue', permission: 'Service.Tickets' },
      { label: 'service.menu.allTickets', icon: 'form', route: '/service/tickets/all', permission: 'Service.Tickets' },
      { label: 'service.menu.complaints', icon: 'audit', route: '/service/complaints', permission: 'Service.Complaints' },
      { label: 'service.menu.statistics', icon: 'appstore', route: '/service/complaint-statistics', permission: 'Service.Complaints.Statistics' },
      { label: 'knowledge.menu', icon: 'read', route: '/knowledge', permission: 'Service.Knowledge' },
      { label: 'consultations.menu', icon: 'message', route: '/service/consultations', permission: 'Service.Consultations' },
      { label: 'returns.menu', icon: 'swap', route: '/service/returns', permission: 'Service.Returns' },
      { label: 'reports.menu', icon: 'bar-chart', route: '/service/reports', permission: 'Service.Reports' },
      { label: 'portal.admin.accounts', icon: 'idcard', route: '/admin/portal-accounts', permission: 'Portal.Accounts' },
      { label: 'portal.admin.partners', icon: 'shop', route: '/admin/partners', permission: 'Portal.Partners' },
    ],
  },
  {
    label: 'callcenter.menu.group',
    icon: 'phone',
    items: [
      { label: 'callcenter.menu.calls', icon: 'phone', route: '/callcenter/calls', permission: 'Service.CallCenter' },
      { label: 'callcenter.menu.settings', icon: 'key', route: '/admin/telephony', permission: 'Service.CallCenter.Settings' },
    ],
  },
  {
    label: 'workflows.menu.group',
    icon: 'retweet',
    items: [
      { label: 'workflows.menu.definitions', icon: 'apartment', route: '/admin/workflows', permission: 'Workflows.Definitions' },
      { label: 'workflows.menu.instances', icon: 'play-circle', route: '/admin/workflows/instances', permission: 'Workflows.Instances' },
      { label: 'workflows.menu.calendars', icon: 'schedule', route: '/admin/workflows/calendars', permission: 'Workflows.Calendars' },
      { label: 'workflows.menu.agents', icon: 'team', route: '/admin/workflows/agents', permission: 'Workflows.Agents' },
    ],
  },
  {
    label: 'menu.operations',
    icon: 'cloud-server',
    items: [
      { label: 'menu.tenants', icon: 'cluster', route: '/host/tenants', permission: 'Host.Tenants' },
      { label: 'menu.editions', icon: 'appstore', route: '/host/editions', permission: 'Host.Editions' },
      { label: 'menu.hostJobs', icon: 'schedule', route: '/host/jobs', permission: 'Host.Jobs' },
    ],
  },
  {
    label: 'menu.administration',
    icon: 'setting',
    items: [
      { label: 'menu.users', icon: 'user', route: '/admin/users', permission: 'Identity.Users' },
      { label: 'menu.roles', icon: 'safety-certificate', route: '/admin/roles', permission: 'Identity.Roles' },
      { label: 'menu.departments', icon: 'apartment', route: '/admin/departments', permission: 'Departments' },
      { label: 'menu.dictionaries', icon: 'book', route: '/admin/dictionaries', permission: 'Dictionaries.Manage' },
      { label: 'menu.customFields', icon: 'form', route: '/admin/custom-fields', permission: 'CustomFields.Manage' },
      { label: 'menu.audit', icon: 'audit', route: '/admin/audit', permission: ['Audit.EntityChanges', 'Audit.SecurityLogs'] },
      { label: 'menu.jobs', icon: 'schedule', route: '/admin/jobs', permission: 'Jobs' },
      { label: 'menu.poolAdmin', icon: 'inbox', route: '/admin/pools', permission: 'Customers.Pool.Manage' },
      { label: 'menu.customerSettings', icon: 'control', route: '/admin/customer-settings', permission: 'Customers.Settings' },
    ],
  },
];

/** The menu as the user may use it: items without a granted permission and emptied groups are left out. */
export function visibleMenu(menu: readonly MenuGroup[], has: (permission: string | readonly string[]) => boolean): MenuGroup[] {
  return menu
    .map((group) => ({ ...group, items: group.items.filter((item) => has(item.permission)) }))
    .filter((group) => group.items.length > 0);
}
