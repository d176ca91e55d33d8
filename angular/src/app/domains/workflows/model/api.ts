/**
 * Shapes of the workflow HTTP API (docs/workflows.md) as the UI uses them, written against the documented
 * endpoints until they are in openapi.json. TODO(api): replace with the generated models once `npm run api`
 * produces them (data/workflow-api.ts is the only place that calls the server).
 */
import type { FieldType, Operator } from './condition';
import type { WorkflowDefinitionModel, WorkflowLayout } from './definition';

export interface Localized {
  en: string;
  zh: string;
}

export interface CatalogField {
  name: string;
  type: FieldType;
  label: Localized;
  dictionaryType?: string | null;
  values?: string[] | null;
  writable?: boolean;
}

export interface CatalogEvent {
  name: string;
  label: Localized;
  dataFields?: string[] | null;
}

export interface CatalogRecordType {
  name: string;
  displayName: Localized;
  fields: CatalogField[];
  events: CatalogEvent[];
}

export interface CatalogProperty {
  name: string;
  type?: string;
  required?: boolean;
}

export interface CatalogActivity {
  name: string;
  label?: Localized | null;
  properties?: CatalogProperty[];
  outcomes?: string[];
}

export interface WorkflowCatalog {
  activities: CatalogActivity[];
  recordTypes: CatalogRecordType[];
  operators?: Operator[] | { name: Operator }[];
}

export type VersionStatus = 'Draft' | 'Published' | 'Retired';

export interface DefinitionSummary {
  id: string;
  key?: string | null;
  name: string;
  /** Chinese name (seeded templates have one); falls back to name. */
  nameZh?: string | null;
  description?: string | null;
  recordType: string | null;
  publishedVersion?: number | null;
  hasDraft: boolean;
  /** null when the list does not say */
  runningInstances: number | null;
}

export interface DefinitionPage {
  items: DefinitionSummary[];
  totalCount?: number;
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  publishedAt?: string | null;
  createdAt?: string | null;
  runningInstances: number;
}

export interface DefinitionDetail {
  id: string;
  key?: string | null;
  name: string;
  nameZh?: string | null;
  description?: string | null;
  descriptionZh?: string | null;
  recordType: string | null;
  versions: VersionSummary[];
}

export interface VersionDetail {
  number: number;
  status: VersionStatus;
  definition: WorkflowDefinitionModel;
  layout?: WorkflowLayout | null;
  concurrencyStamp?: string | null;
}

export interface CreateDefinitionRequest {
  name: string;
  recordType: string;
  description?: string | null;
}

export interface SaveDraftRequest {
  definition: WorkflowDefinitionModel;
  layout: WorkflowLayout;
  concurrencyStamp: string | null;
}

export interface SavedDraft {
  number: number;
  concurrencyStamp: string;
}

export interface TemplateSummary {
  key: string;
  name: Localized;
  description?: Localized | null;
  recordType?: string | null;
}

export interface DryRunRequest {
  /** null = the draft */
  version: number | null;
  recordId?: string | null;
  values?: Record<string, unknown> | null;
  events?: { name: string; data?: Record<string, string | null> }[];
}

export interface DryRunStep {
  stepId: string;
  activity: string;
  outcome?: string | null;
  note?: string | null;
}

export interface DryRunResult {
  path: DryRunStep[];
  /** "completed", "waiting" or "failed" */
  status: string;
  waitingFor?: string | null;
  error?: string | null;
}

export interface DiffChange {
  stepId: string;
  paths: string[];
}

export interface DefinitionDiff {
  added: string[];
  removed: string[];
  changed: DiffChange[];
  /** changes outside steps (trigger, variables, start) as property paths */
  other?: string[];
}

export type InstanceStatus = 'Running' | 'Waiting' | 'Completed' | 'Faulted' | 'Cancelled';

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionName: string;
  definitionNameZh?: string | null;
  version: number;
  recordType: string | null;
  /** the record type's display name (English) and Chinese name; null for a schedule's instance */
  recordTypeName?: string | null;
  recordTypeNameZh?: string | null;
  recordId: string | null;
  /** the record's number and title; null when it is gone */
  recordTitle?: string | null;
  status: InstanceStatus;
  currentStepId?: string | null;
  currentStepName?: string | null;
  currentStepNameZh?: string | null;
  startedAt: string;
  updatedAt?: string | null;
}

export interface InstancePage {
  items: InstanceSummary[];
  nextCursor?: string | null;
  totalCount?: number;
}

export interface Bookmark {
  stepId: string;
  /** the waiting step's title (English) and Chinese title */
  stepName?: string | null;
  stepNameZh?: string | null;
  /** "event", "timer", "task" */
  kind: string;
  event?: string | null;
  /** the record's date field a timer follows */
  boundField?: string | null;
  dueAt?: string | null;
}

export interface JournalEntry {
  sequence?: number;
  at: string;
  stepId?: string | null;
  /** The step's title (English) and Chinese title in the instance's version. */
  stepName?: string | null;
  stepNameZh?: string | null;
  activity?: string | null;
  outcome?: string | null;
  /** Stored English text: all that lines written before message codes have. */
  message?: string | null;
  /** Message code (workflows.journal.codes.*) and its arguments, user and department names resolved. */
  code?: string | null;
  args?: Record<string, string | null> | null;
}

export interface Incident {
  id: string;
  stepId: string;
  /** the failed step's title (English) and Chinese title */
  stepName?: string | null;
  stepNameZh?: string | null;
  message: string;
  at: string;
  attempts?: number;
  resolved?: boolean;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  bookmarks: Bookmark[];
  journal: JournalEntry[];
  incidents: Incident[];
  concurrencyStamp?: string | null;
}

export interface TimeInterval {
  from: string;
  to: string;
}

export interface WeeklyHours {
  /** 0 = Sunday … 6 = Saturday */
  dayOfWeek: number;
  intervals: TimeInterval[];
}

export interface Holiday {
  date: string;
  name?: string | null;
}

export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  isDefault?: boolean;
  weeklyHours: WeeklyHours[];
  holidays: Holiday[];
  departments?: { id: string; name: string }[];
  concurrencyStamp?: string | null;
}

export type SaveCalendarRequest = Omit<BusinessCalendar, 'id' | 'departments'> & { departmentIds?: string[] };

export interface Agent {
  userId: string;
  name: string;
  userName?: string | null;
  absent: boolean;
  absentUntil?: string | null;
  skills: string[];
  calendarId?: string | null;
}

export interface SaveAgentRequest {
  absent: boolean;
  absentUntil?: string | null;
  skills: string[];
  calendarId?: string | null;
}
