import type {
  ComplaintActionDto,
  ComplaintDto,
  ComplaintListItemDto,
  ComplaintStatisticsDto,
  ComplaintStatisticsRow,
  ComplaintStatus,
} from '../../../shared/api/generated';

export type Complaint = ComplaintDto;
export type ComplaintRow = ComplaintListItemDto;
export type ComplaintAction = ComplaintActionDto;
export type ComplaintStatistics = ComplaintStatisticsDto;
export type StatisticsRow = ComplaintStatisticsRow;
export type { ComplaintStatus };

export const COMPLAINT_RECORD_TYPE = 'complaint';

export const COMPLAINT_DICTIONARIES = {
  type: 'complaint-type',
  severity: 'severity',
  productCategory: 'product-category',
  brand: 'brand',
} as const;

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['New', 'Transferred', 'Replied', 'ReturnVisitPending', 'Reopened', 'Closed'];

export const COMPLAINT_STATUS_COLORS: Record<ComplaintStatus, string> = {
  New: 'blue',
  Transferred: 'processing',
  Replied: 'cyan',
  ReturnVisitPending: 'gold',
  Reopened: 'volcano',
  Closed: 'default',
};

export type ComplaintView = 'all' | 'mine' | 'department' | 'created';
export const COMPLAINT_VIEWS: readonly ComplaintView[] = ['all', 'mine', 'department', 'created'];

export type ComplaintSortField = 'createdAt' | 'number' | 'title' | 'type' | 'severity' | 'status' | 'deadline' | 'round' | 'modifiedAt';
export interface ComplaintSort {
  field: ComplaintSortField;
  descending: boolean;
}
export const DEFAULT_COMPLAINT_SORT: ComplaintSort = { field: 'createdAt', descending: true };

export interface ComplaintFilter {
  view: ComplaintView;
  search: string;
  status: ComplaintStatus[];
  type: string[];
  severity: string[];
  departmentId: string | null;
  overdue: boolean;
  /** only complaints reopened at least once (round ≥ 2) */
  reopenedOnly: boolean;
  createdFrom: string | null;
  createdTo: string | null;
}

export const EMPTY_COMPLAINT_FILTER: ComplaintFilter = {
  view: 'all',
  search: '',
  status: [],
  type: [],
  severity: [],
  departmentId: null,
  overdue: false,
  reopenedOnly: false,
  createdFrom: null,
  createdTo: null,
};

export interface ComplaintQuery {
  View?: string;
  Status?: ComplaintStatus[];
  Type?: string[];
  Severity?: string[];
  DepartmentId?: string;
  Overdue?: boolean;
  CreatedFrom?: string;
  CreatedTo?: string;
  Search?: string;
  Sort: string;
  Page: number;
  PageSize: number;
}

export function complaintQuery(filter: ComplaintFilter, sort: ComplaintSort, page: number, pageSize: number): ComplaintQuery {
  const query: ComplaintQuery = { Sort: (sort.descending ? '-' : '') + sort.field, Page: page, PageSize: pageSize };
  if (filter.view !== 'all') query.View = filter.view;
  if (filter.search.trim()) query.Search = filter.search.trim();
  if (filter.status.length) query.Status = [...filter.status];
  if (filter.type.length) query.Type = [...filter.type];
  if (filter.severity.length) query.Severity = [...filter.severity];
  if (filter.departmentId) query.DepartmentId = filter.departmentId;
  if (filter.overdue) query.Overdue = true;
  if (filter.createdFrom) query.CreatedFrom = filter.createdFrom;
  if (filter.createdTo) query.CreatedTo = filter.createdTo;
  return query;
}

/**
 * The API has no round filter: "reopened only" keeps the rows of round ≥ 2 of the page the server sent
 * (sorting by round descending brings them to the first pages).
 */
export function applyRoundFilter<T extends { round: number | string }>(rows: readonly T[], reopenedOnly: boolean): T[] {
  return reopenedOnly ? rows.filter((r) => Number(r.round) >= 2) : [...rows];
}

export function isOpenComplaint(status: ComplaintStatus): boolean {
  return status !== 'Closed';
}

/** Time left until the deadline, in whole parts (negative when past). */
export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

export function countdown(deadline: string | null | undefined, now: number): Countdown | null {
  if (!deadline) return null;
  const due = Date.parse(deadline);
  if (Number.isNaN(due)) return null;
  const diff = due - now;
  const abs = Math.abs(diff);
  return {
    overdue: diff <= 0,
    days: Math.floor(abs / 86_400_000),
    hours: Math.floor((abs % 86_400_000) / 3_600_000),
    minutes: Math.floor((abs % 3_600_000) / 60_000),
  };
}

export type ComplaintUiAction = 'transfer' | 'reply' | 'returnVisit' | 'close' | 'reopen';

export interface ComplaintActor {
  userId: string | null;
  /** departments the user belongs to */
  departmentIds: readonly string[];
  /** Service.Complaints.Manage */
  canManage: boolean;
}

/**
 * What the user may do now: the service desk (Manage) transfers, records return visits, closes and reopens;
 * the responsible department (its members or the assignee) replies while the complaint waits for it.
 */
export function complaintActions(
  complaint: Pick<Complaint, 'status' | 'departmentId' | 'assigneeId'>,
  actor: ComplaintActor,
): ComplaintUiAction[] {
  const s = complaint.status;
  const actions: ComplaintUiAction[] = [];
  const responsible =
    (!!actor.userId && complaint.assigneeId === actor.userId) ||
    (!!complaint.departmentId && actor.departmentIds.includes(complaint.departmentId));
  if (actor.canManage && (s === 'New' || s === 'Transferred' || s === 'Replied' || s === 'Reopened')) actions.push('transfer');
  if ((responsible || actor.canManage) && (s === 'New' || s === 'Transferred' || s === 'Reopened')) actions.push('reply');
  if (actor.canManage && (s === 'Replied' || s === 'ReturnVisitPending')) actions.push('returnVisit');
  if (actor.canManage && (s === 'New' || s === 'Replied' || s === 'ReturnVisitPending')) actions.push('close');
  if (actor.canManage && s === 'Closed') actions.push('reopen');
  return actions;
}

/** One entry of the complaint's timeline: transfers, replies and return visits in time order. */
export interface TimelineEntry {
  kind: 'transfer' | 'reply' | 'escalation' | 'returnVisit';
  at: string;
  round: number;
  title: string | null;
  content: string | null;
  onTime: boolean | null;
  satisfied: boolean | null;
  rating: number | null;
  deadline: string | null;
}

export function complaintTimeline(complaint: Pick<Complaint, 'transfers' | 'replies' | 'returnVisits'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...complaint.transfers.map(
      (t): TimelineEntry => ({
        kind: String(t.kind).toLowerCase().includes('escalat') ? 'escalation' : 'transfer',
        at: t.at,
        round: Number(t.round),
        title: [t.fromDepartmentName ?? t.fromUserName, t.toDepartmentName].filter(Boolean).join(' → ') || null,
        content: t.content || null,
        onTime: null,
        satisfied: null,
        rating: null,
        deadline: t.deadline ?? null,
      }),
    ),
    ...complaint.replies.map(
      (r): TimelineEntry => ({
        kind: 'reply',
        at: r.at,
        round: Number(r.round),
        title: [r.fromDepartmentName, r.fromUserName].filter(Boolean).join(' · ') || null,
        content: r.content,
        onTime: r.onTime ?? null,
        satisfied: null,
        rating: null,
        deadline: r.deadline ?? null,
      }),
    ),
    ...complaint.returnVisits.map(
      (v): TimelineEntry => ({
        kind: 'returnVisit',
        at: v.at,
        round: Number(v.round),
        title: v.visitorName ?? null,
        content: v.comment ?? null,
        onTime: null,
        satisfied: v.satisfied,
        rating: Number(v.rating),
        deadline: null,
      }),
    ),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Statistics period presets → [from, to) in ISO; `all` sends no bounds. */
export type StatisticsPeriod = 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisYear' | 'all' | 'custom';

export function periodRange(period: StatisticsPeriod, now: Date, custom: [Date, Date] | null = null): { from: string | null; to: string | null } {
  const day = (y: number, m: number, d: number) => new Date(y, m, d);
  const y = now.getFullYear();
  const m = now.getMonth();
  const tomorrow = day(y, m, now.getDate() + 1);
  switch (period) {
    case 'last7':
      return { from: day(y, m, now.getDate() - 6).toISOString(), to: tomorrow.toISOString() };
    case 'last30':
      return { from: day(y, m, now.getDate() - 29).toISOString(), to: tomorrow.toISOString() };
    case 'thisMonth':
      return { from: day(y, m, 1).toISOString(), to: day(y, m + 1, 1).toISOString() };
    case 'lastMonth':
      return { from: day(y, m - 1, 1).toISOString(), to: day(y, m, 1).toISOString() };
    case 'thisYear':
      return { from: day(y, 0, 1).toISOString(), to: day(y + 1, 0, 1).toISOString() };
    case 'custom':
      if (!custom) return { from: null, to: null };
      return {
        from: day(custom[0].getFullYear(), custom[0].getMonth(), custom[0].getDate()).toISOString(),
        to: day(custom[1].getFullYear(), custom[1].getMonth(), custom[1].getDate() + 1).toISOString(),
      };
    default:
      return { from: null, to: null };
  }
}

/** A 0–1 rate as a whole percent for progress bars (null stays null: no data is not 0 %). */
export function percent(rate: number | string | null | undefined): number | null {
  if (rate === null || rate === undefined || rate === '') return null;
  return Math.round(Number(rate) * 1000) / 10;
}
