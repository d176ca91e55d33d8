// Returns, exchanges and compensation (V5): the API's shapes, the kinds and the fields each requires, the list's query.
import type { ApiReturnsGet$Params, ReturnDto, ReturnKind, ReturnListItemDto, ReturnStatus } from '../../../shared/api/generated';

export type { ReturnKind, ReturnStatus };
export const RETURN_KINDS: ReturnKind[] = ['ReturnExchange', 'QuickReturn', 'PriceProtection', 'VipHomeRefund'];
/** Currencies an entry's amount may be in (no platform currency list exists); CNY is the default. */
export const RETURN_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export const RETURN_STATUSES: ReturnStatus[] = ['Draft', 'Submitted', 'Approved', 'Rejected', 'Completed'];
export const RETURN_VIEWS = ['all', 'created', 'approval', 'department'] as const;
export type ReturnView = (typeof RETURN_VIEWS)[number];
export const RETURN_DICTIONARIES = {
  category: 'product-category',
  brand: 'brand',
  pickup: 'return-pickup-method',
  result: 'return-result',
  returnReason: 'return-reason',
  compensationReason: 'compensation-reason',
} as const;

/** The form's fields in display order; "customer" is a customer record or a name and a phone. */
export type ReturnField =
  | 'customerName' | 'customerPhone' | 'address' | 'orderNumber' | 'productCode' | 'productName' | 'productCategoryCode' | 'brandCode'
  | 'quantity' | 'amount' | 'purchaseDate' | 'pickupMethodCode' | 'resultCode' | 'reasonCode' | 'coordinationMatter' | 'departmentId';

/** Mirrors the server's ReturnKindRules: which fields each kind shows and which it requires. */
export const RETURN_KIND_FIELDS: Record<ReturnKind, { shown: ReturnField[]; required: ReturnField[] }> = {
  ReturnExchange: {
    shown: ['customerName', 'customerPhone', 'orderNumber', 'productCategoryCode', 'brandCode', 'productName', 'quantity', 'amount', 'pickupMethodCode', 'resultCode', 'reasonCode', 'departmentId'],
    required: ['customerName', 'customerPhone', 'pickupMethodCode', 'resultCode', 'departmentId', 'reasonCode', 'productCategoryCode', 'brandCode', 'quantity', 'amount'],
  },
  QuickReturn: {
    shown: ['customerName', 'customerPhone', 'orderNumber', 'productCode', 'brandCode', 'coordinationMatter', 'departmentId'],
    required: ['customerName', 'customerPhone', 'brandCode', 'coordinationMatter', 'orderNumber', 'departmentId', 'productCode'],
  },
  PriceProtection: {
    shown: ['customerName', 'customerPhone', 'orderNumber', 'productCategoryCode', 'reasonCode', 'amount', 'departmentId'],
    required: ['customerName', 'customerPhone', 'departmentId', 'productCategoryCode', 'reasonCode', 'amount'],
  },
  VipHomeRefund: {
    shown: ['customerName', 'customerPhone', 'address', 'orderNumber', 'productCode', 'productName', 'productCategoryCode', 'brandCode', 'quantity', 'amount', 'purchaseDate', 'departmentId'],
    required: ['customerName', 'customerPhone', 'address', 'orderNumber', 'departmentId', 'productCode', 'productCategoryCode', 'brandCode', 'quantity', 'amount', 'purchaseDate'],
  },
};

export function reasonDictionary(kind: ReturnKind): string {
  return kind === 'PriceProtection' ? RETURN_DICTIONARIES.compensationReason : RETURN_DICTIONARIES.returnReason;
}

/** The API's shapes, under the names the pages were written with. */
export type ReturnRow = ReturnListItemDto;
export type ReturnEntry = ReturnDto;

export interface ReturnFilter {
  view: ReturnView;
  search: string;
  kind: ReturnKind[];
  status: ReturnStatus[];
}
export const EMPTY_RETURN_FILTER: ReturnFilter = { view: 'all', search: '', kind: [], status: [] };
export type ReturnSortField = 'createdAt' | 'number' | 'kind' | 'status' | 'amount';
export interface ReturnSort {
  field: ReturnSortField;
  descending: boolean;
}
export const DEFAULT_RETURN_SORT: ReturnSort = { field: 'createdAt', descending: true };

/** Parameters of GET /api/returns (arrays repeat the key). */
export function returnQuery(f: ReturnFilter, sort: ReturnSort, page: number, pageSize: number): ApiReturnsGet$Params {
  const q: ApiReturnsGet$Params = { Sort: (sort.descending ? '-' : '') + sort.field, Page: page, PageSize: pageSize };
  if (f.view !== 'all') q.View = f.view;
  if (f.search.trim()) q.Search = f.search.trim();
  if (f.kind.length) q.Kind = [...f.kind];
  if (f.status.length) q.Status = [...f.status];
  return q;
}

export const RETURN_STATUS_COLORS: Record<ReturnStatus, string> = {
  Draft: 'default',
  Submitted: 'processing',
  Approved: 'green',
  Rejected: 'red',
  Completed: 'cyan',
};
