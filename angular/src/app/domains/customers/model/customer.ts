import type {
  CheckInPoint,
  ContactDto,
  CustomerDto,
  CustomerKind,
  CustomerListItem,
  CustomerSettingsDto,
  DuplicateMatch,
  FollowUpDto,
  FollowUpFileDto,
  OwnershipRecordDto,
  SavedViewDto,
} from '../../../shared/api/generated';

export type Customer = CustomerDto;
export type CustomerRow = CustomerListItem;
export type Contact = ContactDto;
export type Duplicate = DuplicateMatch;
export type OwnershipRecord = OwnershipRecordDto;
/** A follow-up with its check-in and files (`…/follow-ups`); its files are downloaded through the customer. */
export type FollowUp = FollowUpDto;
export type FollowUpFile = FollowUpFileDto;
/** A saved list view of one user (`/api/saved-views?recordType=customer`): the list's query string and columns. */
export type SavedView = SavedViewDto;
export type CustomerSettings = CustomerSettingsDto;
export type { CheckInPoint, CustomerKind };

/** Record type of customers and contacts for custom fields, saved views and dictionaries. */
export const CUSTOMER_RECORD_TYPE = 'customer';
export const CONTACT_RECORD_TYPE = 'contact';

/** Dictionaries the customer screens use (seeded for every tenant). */
export const DICTIONARIES = {
  level: 'customer-level',
  source: 'customer-source',
  industry: 'industry',
  contactMethod: 'contact-method',
} as const;

export type CustomerScope = 'all' | 'mine' | 'service';
export const SCOPES: readonly CustomerScope[] = ['all', 'mine', 'service'];

/** One custom field filter of the list: `cf.<name>=<op>:<value>`. */
export interface CustomFieldFilter {
  name: string;
  op: 'eq' | 'contains' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';
  value: string;
}

/** The list's filters, as the screen holds them. Dates are ISO strings. */
export interface CustomerFilter {
  scope: CustomerScope;
  name: string;
  ownerId: string | null;
  departmentId: string | null;
  level: string[];
  source: string[];
  industry: string[];
  tag: string[];
  lastFollowUpBefore: string | null;
  lastFollowUpAfter: string | null;
  nextFollowUpBefore: string | null;
  customFields: CustomFieldFilter[];
}

export const EMPTY_FILTER: CustomerFilter = {
  scope: 'all',
  name: '',
  ownerId: null,
  departmentId: null,
  level: [],
  source: [],
  industry: [],
  tag: [],
  lastFollowUpBefore: null,
  lastFollowUpAfter: null,
  nextFollowUpBefore: null,
  customFields: [],
};

/** Sort of the list: a field, "-" first for descending ("-createdAt", "name", "cf.budget"). */
export type CustomerSort = string;
export const DEFAULT_SORT: CustomerSort = '-createdAt';

const SINGLE_KEYS = ['ownerId', 'departmentId', 'lastFollowUpBefore', 'lastFollowUpAfter', 'nextFollowUpBefore'] as const;
const MULTI_KEYS = ['level', 'source', 'industry', 'tag'] as const;

/**
 * The filter and sort as the API's query string (also what a saved view stores): empty parts are left out,
 * lists repeat their key, custom fields go as `cf.<name>=<op>:<value>`.
 */
export function filterToQuery(filter: CustomerFilter, sort: CustomerSort = DEFAULT_SORT): string {
  const params = new URLSearchParams();
  if (filter.scope !== 'all') params.append('scope', filter.scope);
  const name = filter.name.trim();
  if (name) params.append('name', name);
  for (const key of SINGLE_KEYS) {
    const value = filter[key];
    if (value) params.append(key, value);
  }
  for (const key of MULTI_KEYS) for (const value of filter[key]) if (value.trim()) params.append(key, value.trim());
  for (const cf of filter.customFields) {
    if (cf.value === '' || cf.value === null || cf.value === undefined) continue;
    params.append(`cf.${cf.name}`, `${cf.op}:${cf.value}`);
  }
  if (sort && sort !== DEFAULT_SORT) params.append('sort', sort);
  return params.toString();
}

/** Reads a query string (of a saved view) back into a filter and sort; unknown keys are ignored. */
export function queryToFilter(query: string): { filter: CustomerFilter; sort: CustomerSort } {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const filter: CustomerFilter = { ...EMPTY_FILTER, level: [], source: [], industry: [], tag: [], customFields: [] };
  const scope = params.get('scope');
  if (scope === 'mine' || scope === 'service') filter.scope = scope;
  filter.name = params.get('name') ?? '';
  for (const key of SINGLE_KEYS) filter[key] = params.get(key) || null;
  for (const key of MULTI_KEYS) filter[key] = params.getAll(key);
  for (const [key, raw] of params.entries()) {
    if (!key.startsWith('cf.')) continue;
    const colon = raw.indexOf(':');
    const op = colon > 0 ? raw.slice(0, colon) : '';
    const known = ['eq', 'contains', 'gt', 'gte', 'lt', 'lte', 'in'].includes(op);
    filter.customFields.push({
      name: key.slice(3),
      op: (known ? op : 'eq') as CustomFieldFilter['op'],
      value: known ? raw.slice(colon + 1) : raw,
    });
  }
  return { filter, sort: params.get('sort') || DEFAULT_SORT };
}

/** How many filters (besides scope) are set: shown on the filter button. */
export function activeFilterCount(filter: CustomerFilter): number {
  let count = 0;
  if (filter.name.trim()) count++;
  for (const key of SINGLE_KEYS) if (filter[key]) count++;
  for (const key of MULTI_KEYS) if (filter[key].length) count++;
  return count + filter.customFields.filter((c) => c.value !== '').length;
}

/** Built-in list columns the user may show or hide; custom fields add "cf.<name>". */
export const BUILT_IN_COLUMNS = [
  'level',
  'owner',
  'phones',
  'tags',
  'region',
  'source',
  'industry',
  'lastFollowUpAt',
  'nextFollowUpAt',
  'createdAt',
] as const;
export const DEFAULT_COLUMNS: readonly string[] = ['level', 'owner', 'phones', 'tags', 'lastFollowUpAt', 'nextFollowUpAt'];

/** Which columns sort, and by which API sort field. */
export const SORTABLE: Record<string, string> = {
  name: 'name',
  createdAt: 'createdAt',
  lastFollowUpAt: 'lastFollowUpAt',
  nextFollowUpAt: 'nextFollowUpAt',
};

export type ReminderChannel = 'InApp' | 'Email' | 'Sms';
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ['InApp', 'Email', 'Sms'];

/** Channels as the API's flags string ("InApp, Email"). */
export function channelsFlag(channels: readonly ReminderChannel[]): string {
  return REMINDER_CHANNELS.filter((c) => channels.includes(c)).join(', ') || 'InApp';
}

/** The matches of a `customer.duplicate` problem (409), or null for any other failure. */
export function duplicateMatchesOf(body: unknown): Duplicate[] | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record['code'] !== 'customer.duplicate' || !Array.isArray(record['matches'])) return null;
  return record['matches'] as Duplicate[];
}

/** Distance in metres between two points (haversine), for showing how far a manual check-in is. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = 6371000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
