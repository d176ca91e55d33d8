import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  Agent,
  BusinessCalendar,
  CreateDefinitionRequest,
  DefinitionDetail,
  DefinitionDiff,
  DefinitionPage,
  DryRunRequest,
  DryRunResult,
  InstanceDetail,
  InstancePage,
  SaveAgentRequest,
  SaveCalendarRequest,
  SaveDraftRequest,
  SavedDraft,
  TemplateSummary,
  VersionDetail,
  WorkflowCatalog,
} from '../model/api';

/**
 * The workflow endpoints (docs/workflows.md), typed by model/api.ts.
 * TODO(api): once the engine's endpoints are in openapi.json, call the generated WorkflowsService instead.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/workflows';

  private get<T>(url: string, params?: Record<string, string | number | null | undefined>): Promise<T> {
    let p = new HttpParams();
    for (const [k, v] of Object.entries(params ?? {})) if (v !== null && v !== undefined && v !== '') p = p.set(k, v);
    return firstValueFrom(this.http.get<T>(this.base + url, { params: p }));
  }
  private post<T>(url: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(this.base + url, body));
  }
  private put<T>(url: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.put<T>(this.base + url, body));
  }

  catalog = () => this.get<WorkflowCatalog>('/catalog');
  definitions = (q: { recordType?: string | null; search?: string | null; page: number; pageSize: number }) =>
    this.get<DefinitionPage>('/definitions', { recordType: q.recordType, search: q.search, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
  templates = () => this.get<TemplateSummary[]>('/templates');
  createDefinition = (body: CreateDefinitionRequest) => this.post<DefinitionDetail>('/definitions', body);
  createFromTemplate = (key: string) => this.post<DefinitionDetail>(`/definitions/from-template/${encodeURIComponent(key)}`);
  definition = (id: string) => this.get<DefinitionDetail>(`/definitions/${id}`);
  version = (id: string, number: number) => this.get<VersionDetail>(`/definitions/${id}/versions/${number}`);
  saveDraft = (id: string, body: SaveDraftRequest) => this.put<SavedDraft>(`/definitions/${id}/draft`, body);
  validateDraft = (id: string) => this.post<unknown>(`/definitions/${id}/draft/validate`);
  publishDraft = (id: string) => this.post<unknown>(`/definitions/${id}/draft/publish`);
  retire = (id: string, number: number) => this.post<unknown>(`/definitions/${id}/versions/${number}/retire`);
  diff = (id: string, from: number, to: number) => this.get<DefinitionDiff>(`/definitions/${id}/diff`, { from, to });
  dryRun = (id: string, body: DryRunRequest) => this.post<DryRunResult>(`/definitions/${id}/dry-run`, body);

  instances = (q: { recordType?: string | null; recordId?: string | null; definitionId?: string | null; status?: string | null; cursor?: string | null; pageSize: number }) =>
    this.get<InstancePage>('/instances', { ...q });
  instance = (id: string) => this.get<InstanceDetail>(`/instances/${id}`);
  migrate = (id: string, toVersion: number) => this.post<unknown>(`/instances/${id}/migrate`, { toVersion });
  cancelInstance = (id: string) => this.post<unknown>(`/instances/${id}/cancel`);
  incidentAction = (id: string, action: 'retry' | 'skip' | 'cancel') => this.post<unknown>(`/incidents/${id}/${action}`);

  calendars = () => this.get<BusinessCalendar[]>('/calendars');
  createCalendar = (body: SaveCalendarRequest) => this.post<BusinessCalendar>('/calendars', body);
  updateCalendar = (id: string, body: SaveCalendarRequest) => this.put<BusinessCalendar>(`/calendars/${id}`, body);
  deleteCalendar = (id: string) => firstValueFrom(this.http.delete<unknown>(`${this.base}/calendars/${id}`));

  agents = () => this.get<Agent[]>('/agents');
  saveAgent = (userId: string, body: SaveAgentRequest) => this.put<Agent>(`/agents/${userId}`, body);
}
