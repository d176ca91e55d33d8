/** Consultations and answers (V4): shapes of /api/consultations and the list's query. */
export type ConsultationStatus = 'Open' | 'Transferred' | 'DepartmentAnswered' | 'Answered';
export const CONSULTATION_STATUSES: ConsultationStatus[] = ['Open', 'Transferred', 'DepartmentAnswered', 'Answered'];
export const CONSULTATION_VIEWS = ['all', 'created', 'department', 'mine'] as const;
export type ConsultationView = (typeof CONSULTATION_VIEWS)[number];
export const CONSULTATION_DICTIONARIES = {
  type: 'enquiry-type',
  category: 'product-category',
  brand: 'brand',
  channel: 'consultation-reply-channel',
} as const;

export interface HistoryLine {
  id: string;
  action: string;
  fromValue?: string | null;
  toValue?: string | null;
  note?: string | null;
  byUserName?: string | null;
  at: string;
}

export interface ConsultationRow {
  id: string;
  number: string;
  customerId?: string | null;
  customerName?: string | null;
  contactName?: string | null;
  enquiryTypeCode: string;
  productCategoryCode?: string | null;
  brandCode?: string | null;
  quantity: number;
  content: string;
  status: ConsultationStatus;
  departmentId?: string | null;
  departmentName?: string | null;
  assigneeName?: string | null;
  deadline?: string | null;
  isOverdue: boolean;
  escalationLevel: number;
  createdByName?: string | null;
  createdAt: string;
}

export interface Consultation extends ConsultationRow {
  contactPhone?: string | null;
  assigneeId?: string | null;
  transferredAt?: string | null;
  departmentAnswer?: string | null;
  departmentAnsweredByName?: string | null;
  departmentAnsweredAt?: string | null;
  answeredOnTime?: boolean | null;
  answer?: string | null;
  replyChannelCode?: string | null;
  answeredByName?: string | null;
  answeredAt?: string | null;
  createdBy?: string | null;
  concurrencyStamp: string;
  history: HistoryLine[];
}

export interface CreateConsultation {
  enquiryTypeCode: string;
  content: string;
  customerId?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  productCategoryCode?: string | null;
  brandCode?: string | null;
  quantity: number;
  answer?: string | null;
  replyChannelCode?: string | null;
}

export interface ConsultationFilter {
  view: ConsultationView;
  search: string;
  status: ConsultationStatus[];
  type: string[];
  overdue: boolean;
}

export const EMPTY_CONSULTATION_FILTER: ConsultationFilter = { view: 'all', search: '', status: [], type: [], overdue: false };
export type ConsultationSortField = 'createdAt' | 'number' | 'type' | 'status' | 'deadline';
export interface ConsultationSort {
  field: ConsultationSortField;
  descending: boolean;
}
export const DEFAULT_CONSULTATION_SORT: ConsultationSort = { field: 'createdAt', descending: true };

/** Query string of GET /api/consultations (arrays repeat the key). */
export function consultationQuery(f: ConsultationFilter, sort: ConsultationSort, page: number, pageSize: number): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = { sort: (sort.descending ? '-' : '') + sort.field, page: String(page), pageSize: String(pageSize) };
  if (f.view !== 'all') q['view'] = f.view;
  if (f.search.trim()) q['search'] = f.search.trim();
  if (f.status.length) q['status'] = f.status;
  if (f.type.length) q['type'] = f.type;
  if (f.overdue) q['overdue'] = 'true';
  return q;
}

/**
 * What the current user may do next on a consultation. Anyone but the originator who sees a transferred consultation
 * sees it through its department (or assignment), so they are offered the department answer; the server decides.
 */
export function consultationActions(c: Consultation, me: string | null, canManage: boolean) {
  const own = c.createdBy === me || canManage;
  return {
    answer: own && (c.status === 'Open' || c.status === 'DepartmentAnswered'),
    transfer: own && (c.status === 'Open' || c.status === 'Transferred'),
    departmentAnswer: c.status === 'Transferred' && (c.createdBy !== me || c.assigneeId === me || canManage),
  };
}
