import type { TicketDto, TicketListItemDto, TicketStatus } from '../../../shared/api/generated';

export type Ticket = TicketDto;
export type TicketRow = TicketListItemDto;
export type { TicketStatus };

/** Record type of tickets for workflows, custom fields and dictionaries. */
export const TICKET_RECORD_TYPE = 'ticket';

export const TICKET_DICTIONARIES = {
  category: 'ticket-category',
  priority: 'ticket-priority',
} as const;

export const TICKET_STATUSES: readonly TicketStatus[] = ['New', 'Assigned', 'InProgress', 'WaitingForCustomer', 'Resolved', 'Closed'];

/** The three ticket lists: assigned to me, my teams' unassigned queue, everything I may see. */
export type TicketView = 'mine' | 'queue' | 'all';

export type TicketSortField = 'createdAt' | 'number' | 'title' | 'priority' | 'status' | 'responseDueAt' | 'resolutionDueAt' | 'modifiedAt';
export interface TicketSort {
  field: TicketSortField;
  descending: boolean;
}
export const DEFAULT_TICKET_SORT: TicketSort = { field: 'createdAt', descending: true };

export interface TicketFilter {
  search: string;
  status: TicketStatus[];
  category: string[];
  priority: string[];
  assigneeId: string | null;
  departmentId: string | null;
  customerId: string | null;
  overdue: boolean;
  /** ISO instants: created at or after / before */
  createdFrom: string | null;
  createdTo: string | null;
}

export const EMPTY_TICKET_FILTER: TicketFilter = {
  search: '',
  status: [],
  category: [],
  priority: [],
  assigneeId: null,
  departmentId: null,
  customerId: null,
  overdue: false,
  createdFrom: null,
  createdTo: null,
};

/** Query parameters of GET /api/tickets (names as the generated client takes them); empty filters are left out. */
export interface TicketQuery {
  View?: string;
  Status?: TicketStatus[];
  Category?: string[];
  Priority?: string[];
  AssigneeId?: string;
  DepartmentId?: string;
  CustomerId?: string;
  Overdue?: boolean;
  CreatedFrom?: string;
  CreatedTo?: string;
  Search?: string;
  Sort: string;
  Page: number;
  PageSize: number;
}

export function ticketQuery(view: TicketView, filter: TicketFilter, sort: TicketSort, page: number, pageSize: number): TicketQuery {
  const query: TicketQuery = { Sort: (sort.descending ? '-' : '') + sort.field, Page: page, PageSize: pageSize };
  if (view !== 'all') query.View = view;
  if (filter.search.trim()) query.Search = filter.search.trim();
  if (filter.status.length) query.Status = [...filter.status];
  if (filter.category.length) query.Category = [...filter.category];
  if (filter.priority.length) query.Priority = [...filter.priority];
  // "mine" is already mine and the queue is unassigned: an assignee filter there would empty the list
  if (filter.assigneeId && view === 'all') query.AssigneeId = filter.assigneeId;
  if (filter.departmentId) query.DepartmentId = filter.departmentId;
  if (filter.customerId) query.CustomerId = filter.customerId;
  if (filter.overdue) query.Overdue = true;
  if (filter.createdFrom) query.CreatedFrom = filter.createdFrom;
  if (filter.createdTo) query.CreatedTo = filter.createdTo;
  return query;
}

export function activeTicketFilters(filter: TicketFilter): number {
  return (
    (filter.search.trim() ? 1 : 0) +
    (filter.status.length ? 1 : 0) +
    (filter.category.length ? 1 : 0) +
    (filter.priority.length ? 1 : 0) +
    (filter.assigneeId ? 1 : 0) +
    (filter.departmentId ? 1 : 0) +
    (filter.customerId ? 1 : 0) +
    (filter.overdue ? 1 : 0) +
    (filter.createdFrom || filter.createdTo ? 1 : 0)
  );
}

/** How a due time looks: overdue (red), due within the warning window (orange), or calm. */
export type DueState = 'overdue' | 'dueSoon' | 'ok' | 'none';

/** Warning window before a due time: a quarter of the time given, at least 30 minutes and at most 4 hours. */
export const DUE_SOON_MIN_MS = 30 * 60_000;
export const DUE_SOON_MAX_MS = 4 * 3600_000;

/**
 * The state of one SLA clock. `done` (responded / resolved) stops the clock: a met target is never shown as
 * overdue. `startedAt` sizes the warning window (a 2-hour response target warns 30 minutes ahead, a 3-day
 * resolution target 4 hours ahead).
 */
export function dueState(dueAt: string | null | undefined, now: number, done = false, startedAt?: string | null): DueState {
  if (!dueAt || done) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  if (due <= now) return 'overdue';
  const span = startedAt ? due - Date.parse(startedAt) : DUE_SOON_MAX_MS * 4;
  const window = Math.min(DUE_SOON_MAX_MS, Math.max(DUE_SOON_MIN_MS, span / 4));
  return due - now <= window ? 'dueSoon' : 'ok';
}

/** The SLA clock a ticket row shows: the response target until first response, then the resolution target. */
export function ticketDue(
  row: Pick<TicketRow, 'status' | 'responseDueAt' | 'resolutionDueAt' | 'firstRespondedAt' | 'createdAt' | 'isOverdue'>,
  now: number,
): { kind: 'response' | 'resolution'; dueAt: string; state: DueState } | null {
  if (!isOpenTicket(row.status)) return null;
  if (row.responseDueAt && !row.firstRespondedAt) {
    const state = row.isOverdue ? 'overdue' : dueState(row.responseDueAt, now, false, row.createdAt);
    return { kind: 'response', dueAt: row.responseDueAt, state };
  }
  if (row.resolutionDueAt) {
    // waiting for the customer stops the clock: the server's IsOverdue knows that, the browser does not
    const state = row.status === 'WaitingForCustomer' ? (row.isOverdue ? 'overdue' : 'ok') : row.isOverdue ? 'overdue' : dueState(row.resolutionDueAt, now, false, row.createdAt);
    return { kind: 'resolution', dueAt: row.resolutionDueAt, state };
  }
  return null;
}

export function isOpenTicket(status: TicketStatus): boolean {
  return status !== 'Resolved' && status !== 'Closed';
}

/** The actions of a ticket's header. */
export type TicketAction = 'grab' | 'accept' | 'start' | 'wait' | 'resume' | 'resolve' | 'close' | 'reopen' | 'assign' | 'rate' | 'edit';

export interface TicketActor {
  userId: string | null;
  /** Service.Tickets.Manage: work on tickets assigned to others */
  canManage: boolean;
  /** Service.Tickets.Assign */
  canAssign: boolean;
}

/**
 * Actions valid for the ticket's status, as the server allows them (`allowedStatuses`) and as the user may use
 * them: the assignee works on their own ticket, managers on anyone's; an unassigned open ticket can be grabbed.
 */
export function ticketActions(
  ticket: Pick<Ticket, 'status' | 'allowedStatuses' | 'assigneeId' | 'satisfactionRating'>,
  actor: TicketActor,
): TicketAction[] {
  const mine = !!actor.userId && ticket.assigneeId === actor.userId;
  const mayWork = mine || actor.canManage;
  const allowed = new Set(ticket.allowedStatuses ?? []);
  const actions: TicketAction[] = [];
  const s = ticket.status;
  if (!ticket.assigneeId && s === 'New') actions.push('grab');
  if (mine && s === 'Assigned') actions.push('accept');
  if (mayWork) {
    // working on a ticket needs an assignee: an unassigned one is grabbed or assigned first
    if (ticket.assigneeId && s === 'Assigned' && !mine && allowed.has('InProgress')) actions.push('start');
    if (s === 'InProgress' && allowed.has('WaitingForCustomer')) actions.push('wait');
    if (s === 'WaitingForCustomer' && allowed.has('InProgress')) actions.push('resume');
    if ((s === 'InProgress' || s === 'WaitingForCustomer') && allowed.has('Resolved')) actions.push('resolve');
    if (allowed.has('Closed')) actions.push('close');
    if ((s === 'Resolved' || s === 'Closed') && allowed.has('InProgress')) actions.push('reopen');
  }
  if (actor.canAssign && isOpenTicket(s)) actions.push('assign');
  if ((s === 'Resolved' || s === 'Closed') && ticket.satisfactionRating == null) actions.push('rate');
  if (mayWork && s !== 'Closed') actions.push('edit');
  return actions;
}

/** The status an action moves to (actions with their own endpoints return null). */
export function targetStatus(action: TicketAction): TicketStatus | null {
  switch (action) {
    case 'start':
    case 'resume':
    case 'reopen':
      return 'InProgress';
    case 'wait':
      return 'WaitingForCustomer';
    case 'resolve':
      return 'Resolved';
    case 'close':
      return 'Closed';
    default:
      return null;
  }
}

export const STATUS_COLORS: Record<TicketStatus, string> = {
  New: 'blue',
  Assigned: 'cyan',
  InProgress: 'processing',
  WaitingForCustomer: 'gold',
  Resolved: 'green',
  Closed: 'default',
};

export type TicketFile = Ticket['attachments'][number];

/** The ticket's own files, and the files of each comment by the comment's id. */
export function filesByComment(attachments: readonly TicketFile[]): { own: TicketFile[]; byComment: Map<string, TicketFile[]> } {
  const own: TicketFile[] = [];
  const byComment = new Map<string, TicketFile[]>();
  for (const a of attachments) {
    if (!a.commentId) own.push(a);
    else byComment.set(a.commentId, [...(byComment.get(a.commentId) ?? []), a]);
  }
  return { own, byComment };
}
