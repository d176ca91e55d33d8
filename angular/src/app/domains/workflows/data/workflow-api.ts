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
  WeeklyHours,
} from '../model/api';
import type { DefinitionIssue } from '../model/validation';
import { emptyDefinition } from '../model/definition';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
  /** The server answers the whole list (up to 500): search and paging happen here. */
  async definitions(q: { recordType?: string | null; search?: string | null; page: number; pageSize: number }): Promise<DefinitionPage> {
    const all = await this.get<Raw[]>('/definitions', { recordType: q.recordType });
    const term = (q.search ?? '').trim().toLowerCase();
    const items = all
      .filter((d) => !term || [d['name'], d['nameZh'], d['key']].some((t) => String(t ?? '').toLowerCase().includes(term)))
      .map((d) => ({
        id: d['id'],
        key: d['key'],
        name: d['name'],
        nameZh: d['nameZh'],
        recordType: d['recordType'],
        publishedVersion: d['publishedVersion'] ?? null,
        hasDraft: d['hasDraft'] ?? (d['latestVersion'] ?? 0) > (d['publishedVersion'] ?? 0),
        runningInstances: d['runningInstances'] ?? null,
      }));
    return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), totalCount: items.length };
  }
  templates = () => this.get<TemplateSummary[]>('/templates');
  createDefinition = (body: CreateDefinitionRequest) =>
    this.post<DefinitionDetail>('/definitions', { name: body.name, description: body.description, definition: emptyDefinition(body.recordType), layout: { nodes: {} } });
  createFromTemplate = (key: string) => this.post<DefinitionDetail>(`/definitions/from-template/${encodeURIComponent(key)}`);
  definition = (id: string) => this.get<DefinitionDetail>(`/definitions/${id}`);
  version = (id: string, number: number) => this.get<VersionDetail>(`/definitions/${id}/versions/${number}`);
  saveDraft = (id: string, body: SaveDraftRequest) => this.put<SavedDraft>(`/definitions/${id}/draft`, body);
  /** 200 with { valid, errors: [{ code, path, message, stepId }] }. */
  async validateDraft(id: string): Promise<DefinitionIssue[]> {
    const report = await this.post<Raw>(`/definitions/${id}/draft/validate`);
    return ((report['errors'] as Raw[]) ?? []).map((e) => ({ code: e['code'], stepId: e['stepId'] ?? null, detail: e['path'], message: e['message'] }));
  }
  publishDraft = (id: string) => this.post<unknown>(`/definitions/${id}/draft/publish`);
  retire = (id: string, number: number) => this.post<unknown>(`/definitions/${id}/versions/${number}/retire`);
  async diff(id: string, from: number, to: number): Promise<DefinitionDiff> {
    const d = await this.get<Raw>(`/definitions/${id}/diff`, { from, to });
    return {
      added: d['stepsAdded'] ?? [],
      removed: d['stepsRemoved'] ?? [],
      changed: ((d['stepsChanged'] as Raw[]) ?? []).map((c) => ({ stepId: c['stepId'], paths: c['changedPaths'] ?? [] })),
      other: [
        ...((d['triggerChanges'] as string[]) ?? []).map((p) => `trigger.${p}`),
        ...(d['startStepChanged'] ? ['startStepId'] : []),
        ...(d['variablesChanged'] ? ['variables'] : []),
      ],
    };
  }
  async dryRun(id: string, body: DryRunRequest): Promise<DryRunResult> {
    const r = await this.post<Raw>(`/definitions/${id}/dry-run`, {
      version: body.version,
      recordId: body.recordId,
      values: body.values,
      answers: (body.events ?? []).map((e) => ({ event: e.name, data: e.data })),
    });
    return { path: r['path'] ?? [], status: String(r['status'] ?? '').toLowerCase(), waitingFor: r['waitingAt'] ?? r['waitingFor'] ?? null, error: r['error'] ?? null };
  }

  async instances(q: { recordType?: string | null; recordId?: string | null; definitionId?: string | null; status?: string | null; cursor?: string | null; pageSize: number }): Promise<InstancePage> {
    const r = await this.get<Raw[] | Raw>('/instances', { recordType: q.recordType, recordId: q.recordId, definitionId: q.definitionId, status: q.status, cursor: q.cursor, pageSize: q.pageSize });
    const items = Array.isArray(r) ? r : ((r['items'] as Raw[]) ?? []);
    return { items: items.map(instanceSummary), nextCursor: Array.isArray(r) ? null : (r['nextCursor'] ?? null) };
  }
  async instance(id: string): Promise<InstanceDetail> {
    const r = await this.get<Raw>(`/instances/${id}`);
    let variables: Record<string, unknown> = {};
    try {
      variables = typeof r['variables'] === 'string' ? JSON.parse(r['variables']) : (r['variables'] ?? {});
    } catch {
      variables = { raw: r['variables'] };
    }
    return {
      ...instanceSummary(r['instance'] ?? r),
      variables,
      bookmarks: ((r['bookmarks'] as Raw[]) ?? []).map((b) => ({ stepId: b['stepId'], kind: String(b['kind']).toLowerCase(), event: b['eventName'] ?? b['event'] ?? b['boundField'], dueAt: b['dueAt'] })),
      journal: ((r['journal'] as Raw[]) ?? []).map((j) => ({
        sequence: j['sequence'], at: j['at'], stepId: j['stepId'], stepName: j['stepName'], stepNameZh: j['stepNameZh'], activity: j['activity'],
        outcome: j['outcome'], message: j['message'], code: j['code'], args: j['args'],
      })),
      incidents: ((r['incidents'] as Raw[]) ?? []).map((i) => ({ id: i['id'], stepId: i['stepId'], message: i['error'] ?? i['message'], at: i['createdAt'] ?? i['at'], resolved: i['status'] !== undefined && i['status'] !== 'Open' })),
    };
  }
  migrate = (id: string, toVersion: number) => this.post<unknown>(`/instances/${id}/migrate`, { toVersion });
  cancelInstance = (id: string) => this.post<unknown>(`/instances/${id}/cancel`);
  incidentAction = (id: string, action: 'retry' | 'skip' | 'cancel') => this.post<unknown>(`/incidents/${id}/${action}`);

  /** Weekly hours travel as { "Monday": ["09:00-12:00"] }, holidays as ISO dates. */
  calendars = async () => (await this.get<Raw[]>('/calendars')).map(calendarFrom);
  createCalendar = async (body: SaveCalendarRequest) => calendarFrom(await this.post<Raw>('/calendars', calendarTo(body)));
  updateCalendar = async (id: string, body: SaveCalendarRequest) => calendarFrom(await this.put<Raw>(`/calendars/${id}`, calendarTo(body)));
  deleteCalendar = (id: string) => firstValueFrom(this.http.delete<unknown>(`${this.base}/calendars/${id}`));

  agents = async (): Promise<Agent[]> => (await this.get<Raw[]>('/agents')).map(agentFrom);
  saveAgent = async (userId: string, body: SaveAgentRequest): Promise<Agent> =>
    agentFrom(await this.put<Raw>(`/agents/${userId}`, { isAbsent: body.absent, absentUntil: body.absentUntil, skills: body.skills, calendarId: body.calendarId }));
}

function instanceSummary(r: Raw) {
  return {
    id: r['id'],
    definitionId: r['definitionId'],
    definitionName: r['definitionName'] ?? r['definitionKey'] ?? String(r['definitionId']).slice(0, 8),
    version: r['versionNumber'] ?? r['version'],
    recordType: r['recordType'],
    recordId: r['recordId'],
    recordTitle: r['recordTitle'] ?? null,
    status: r['status'],
    currentStepId: r['currentStepId'],
    startedAt: r['startedAt'],
    updatedAt: r['finishedAt'] ?? null,
  };
}

function calendarFrom(r: Raw): BusinessCalendar {
  const weekly = (r['weeklyHours'] ?? {}) as Record<string, string[]>;
  const weeklyHours: WeeklyHours[] = DAYS.map((name, day) => ({
    dayOfWeek: day,
    intervals: (Object.entries(weekly).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? []).map((iv) => {
      const [from, to] = iv.split('-');
      return { from: from?.trim() ?? '', to: to?.trim() ?? '' };
    }),
  }));
  return {
    id: r['id'],
    name: r['name'],
    timeZone: r['timeZone'],
    isDefault: r['isDefault'],
    weeklyHours,
    holidays: ((r['holidays'] as string[]) ?? []).map((date) => ({ date })),
    departments: ((r['departmentIds'] as string[]) ?? []).map((id) => ({ id, name: id.slice(0, 8) })),
    concurrencyStamp: r['concurrencyStamp'],
  };
}

function calendarTo(c: SaveCalendarRequest): Raw {
  return {
    name: c.name,
    timeZone: c.timeZone,
    isDefault: c.isDefault ?? false,
    weeklyHours: Object.fromEntries(c.weeklyHours.filter((w) => w.intervals.length).map((w) => [DAYS[w.dayOfWeek], w.intervals.map((i) => `${i.from}-${i.to}`)])),
    holidays: c.holidays.map((h) => h.date),
    departmentIds: c.departmentIds ?? [],
    concurrencyStamp: c.concurrencyStamp,
  };
}

function agentFrom(r: Raw): Agent {
  return { userId: r['userId'], name: r['name'], absent: r['isAbsent'] ?? r['absent'] ?? false, absentUntil: r['absentUntil'], skills: r['skills'] ?? [], calendarId: r['calendarId'] };
}
