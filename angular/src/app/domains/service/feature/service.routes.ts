import { Routes } from '@angular/router';

/** Tickets: /service/tickets/{mine|queue|all} and /service/tickets/:id. */
export const ticketRoutes: Routes = [
  {
    path: '',
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'mine' },
      { path: 'mine', data: { view: 'mine', breadcrumb: 'service.menu.myTickets' }, loadComponent: () => import('./ticket-list.page').then((m) => m.TicketListPage) },
      { path: 'queue', data: { view: 'queue', breadcrumb: 'service.menu.queue' }, loadComponent: () => import('./ticket-list.page').then((m) => m.TicketListPage) },
      { path: 'all', data: { view: 'all', breadcrumb: 'service.menu.allTickets' }, loadComponent: () => import('./ticket-list.page').then((m) => m.TicketListPage) },
      { path: ':id', data: { breadcrumb: 'service.tickets.detail' }, loadComponent: () => import('./ticket-detail.page').then((m) => m.TicketDetailPage) },
    ],
  },
];

/** Complaints: list and detail. */
export const complaintRoutes: Routes = [
  {
    path: '',
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./complaint-list.page').then((m) => m.ComplaintListPage) },
      { path: ':id', data: { breadcrumb: 'service.complaints.detail' }, loadComponent: () => import('./complaint-detail.page').then((m) => m.ComplaintDetailPage) },
    ],
  },
];

/** Complaint statistics (a route of its own, so the menu does not mark the complaint list as well). */
export const complaintStatisticsRoutes: Routes = [
  { path: '', loadComponent: () => import('./complaint-statistics.page').then((m) => m.ComplaintStatisticsPage) },
];

/** Consultations and answers: list and detail. */
export const consultationRoutes: Routes = [
  {
    path: '',
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./consultations/consultation-list.page').then((m) => m.ConsultationListPage) },
      { path: ':id', data: { breadcrumb: 'consultations.detail' }, loadComponent: () => import('./consultations/consultation-detail.page').then((m) => m.ConsultationDetailPage) },
    ],
  },
];

/** Returns, exchanges and compensation entries: list and detail. */
export const returnRoutes: Routes = [
  {
    path: '',
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./returns/return-list.page').then((m) => m.ReturnListPage) },
      { path: ':id', data: { breadcrumb: 'returns.detail' }, loadComponent: () => import('./returns/return-detail.page').then((m) => m.ReturnDetailPage) },
    ],
  },
];
