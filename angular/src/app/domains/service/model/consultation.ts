// Consultations and answers (V4): the API's shapes, the list's filter and query, and what a user may do next.
import type {
  ApiConsultationsGet$Params,
  ConsultationDto,
  ConsultationListItemDto,
  ConsultationStatus,
  CreateConsultationRequest,
  ServiceHistoryDto,
} from '../../../shared/api/generated';

export type { ConsultationStatus };
export const CONSULTATION_STATUSES: ConsultationStatus[] = ['Open', 'Transferred', 'DepartmentAnswered', 'Answered'];
export const CONSULTATION_VIEWS = ['all', 'created', 'department', 'mine'] as const;
export type ConsultationView = (typeof CONSULTATION_VIEWS)[number];
export const CONSULTATION_DICTIONARIES = {
  type: 'enquiry-type',
  category: 'product-category',
  brand: 'brand',
  channel: 'consultation-reply-channel',
} as const;

/** The API's shapes, under the names the pages were written with. */
export type HistoryLine = ServiceHistoryDto;
export type ConsultationRow = ConsultationListItemDto;
export type Consultation = ConsultationDto;
export type CreateConsultation = CreateConsultationRequest;

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

/** Parameters of GET /api/consultations (arrays repeat the key). */
export function consultationQuery(f: ConsultationFilter, sort: ConsultationSort, page: number, pageSize: number): ApiConsultationsGet$Params {
  const q: ApiConsultationsGet$Params = { Sort: (sort.descending ? '-' : '') + sort.field, Page: page, PageSize: pageSize };
  if (f.view !== 'all') q.View = f.view;
  if (f.search.trim()) q.Search = f.search.trim();
  if (f.status.length) q.Status = [...f.status];
  if (f.type.length) q.Type = [...f.type];
  if (f.overdue) q.Overdue = true;
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
