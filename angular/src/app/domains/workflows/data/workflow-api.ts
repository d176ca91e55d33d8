import { inject, Injectable } from '@angular/core';
import { WorkflowsService } from '../../../shared/api/generated';
import type {
  AgentRequest as ApiAgentRequest,
  CalendarRequest as ApiCalendarRequest,
  SaveDraftRequest as ApiSaveDraftRequest,
  WorkflowDefinitionModel as ApiDefinitionModel,
  WorkflowInstanceStatus,
} from '../../../shared/api/generated';
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
 * The workflow endpoints (docs/workflows.md) through the generated WorkflowsService; the server's shapes are mapped
 * here to the UI's model (model/api.ts), which the editor, graph and lists were written against.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowApi {
  private readonly api = inject(WorkflowsService);

  catalog = () => this.api.apiWorkflowsCatalogGet() as unknown as Promise<WorkflowCatalog>;
  /** The server answers the whole list (up to 500): search and paging happen here. */
  async definitions(q: { recordType?: string | null; search?: string | null; page: number; pageSize: number }): Promise<DefinitionPage> {
    const all = (await this.api.apiWorkflowsDefinitionsGet({ recordType: opt(q.recordType) })) as Raw[];
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
  templates = () => this.api.apiWorkflowsTemplatesGet() as unknown as Promise<TemplateSummary[]>;
  createDefinition = (body: CreateDefinitionRequest) =>
    this.api.apiWorkflowsDefinitionsPost({
      body: { name: body.name, description: body.description ?? null, key: null, definition: emptyDefinition(body.recordType) as unknown as ApiDefinitionModel, layout: { nodes: {} } },
    }) as unknown as Promise<DefinitionDetail>;
  createFromTemplate = (key: string) => this.api.apiWorkflowsDefinitionsFromTemplateKeyPost({ key }) as unknown as Promise<DefinitionDetail>;
  definition = (id: string) => this.api.apiWorkflowsDefinitionsIdGet({ id }) as unknown as Promise<DefinitionDetail>;
  version = (id: string, number: number) => this.api.apiWorkflowsDefinitionsIdVersionsNumberGet({ id, number }) as unknown as Promise<VersionDetail>;
  saveDraft = (id: string, body: SaveDraftRequest) =>
    this.api.apiWorkflowsDefinitionsIdDraftPut({ id, body: body as unknown as ApiSaveDraftRequest }) as unknown as Promise<SavedDraft>;
  /** 200 with { valid, errors: [{ code, path, message, stepId }] }. */
  async validateDraft(id: string): Promise<DefinitionIssue[]> {
    const report = (await this.api.apiWorkflowsDefinitionsIdDraftValidatePost({ id })) as unknown as Raw;
    return ((report['errors'] as Raw[]) ?? []).map((e) => ({ code: e['code'], stepId: e['stepId'] ?? null, detail: e['path'], message: e['message'] }));
  }
  publishDraft = (id: string): Promise<unknown> => this.api.apiWorkflowsDefinitionsIdDraftPublishPost({ id });
  retire = (id: string, number: number): Promise<unknown> => this.api.apiWorkflowsDefinitionsIdVersionsNumberRetirePost({ id, number });
  async diff(id: string, from: number, to: number): Promise<DefinitionDiff> {
    const d = (await this.api.apiWorkflowsDefinitionsIdDiffGet({ id, from, to })) as unknown as Raw;
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
    const r = (await this.api.apiWorkflowsDefinitionsIdDryRunPost({
      id,
      body: {
        version: body.version ?? null,
        recordId: body.recordId ?? null,
        values: body.values ?? null,
        answers: (body.events ?? []).map((e) => ({ event: e.name, data: e.data })) as never,
      },
    })) as unknown as Raw;
    return { path: r['path'] ?? [], status: String(r['status'] ?? '').toLowerCase(), waitingFor: r['waitingAt'] ?? r['waitingFor'] ?? null, error: r['error'] ?? null };
  }

  async instances(q: { recordType?: string | null; recordId?: string | null; definitionId?: string | null; status?: string | null; cursor?: string | null; pageSize: number }): Promise<InstancePage> {
    const r = (await this.api.apiWorkflowsInstancesGet({
      recordType: opt(q.recordType),
      recordId: opt(q.recordId),
      definitionId: opt(q.definitionId),
      status: opt(q.status) as WorkflowInstanceStatus | undefined,
      cursor: opt(q.cursor),
      pageSize: q.pageSize,
    })) as unknown as Raw[] | Raw;
    const items = Array.isArray(r) ? r : ((r['items'] as Raw[]) ?? []);
    return { items: items.map(instanceSummary), nextCursor: Array.isArray(r) ? null : (r['nextCursor'] ?? null) };
  }
  async instance(id: string): Promise<InstanceDetail> {
    const r = (await this.api.apiWorkflowsInstancesIdGet({ id })) as unknown as Raw;
    let variables: Record<string, unknown> = {};
    try {
      variables = typeof r['variables'] === 'string' ? JSON.parse(r['variables']) : (r['variables'] ?? {});
    } catch {
      variables = { raw: r['variables'] };
    }
    return {
      ...instanceSummary(r['instance'] ?? r),
      variables,
      bookmarks: ((r['bookmarks'] as Raw[]) ?? []).map((b) => ({
        stepId: b['stepId'], stepName: b['stepName'] ?? null, stepNameZh: b['stepNameZh'] ?? null, kind: String(b['kind']).toLowerCase(),
        event: b['eventName'] ?? null, boundField: b['boundField'] ?? null, dueAt: b['dueAt'],
      })),
      journal: ((r['journal'] as Raw[]) ?? []).map((j) => ({
        sequence: j['sequence'], at: j['at'], stepId: j['stepId'], stepName: j['stepName'], stepNameZh: j['stepNameZh'], activity: j['activity'],
        outcome: j['outcome'], message: j['message'], code: j['code'], args: j['args'],
      })),
      incidents: ((r['incidents'] as Raw[]) ?? []).map((i) => ({
        id: i['id'], stepId: i['stepId'], stepName: i['stepName'] ?? null, stepNameZh: i['stepNameZh'] ?? null, message: i['error'] ?? i['message'],
        at: i['createdAt'] ?? i['at'], resolved: i['status'] !== undefined && i['status'] !== 'Open',
      })),
    };
  }
  migrate = (id: string, toVersion: number): Promise<unknown> => this.api.apiWorkflowsInstancesIdMigratePost({ id, body: { toVersion } });
  cancelInstance = (id: string): Promise<unknown> => this.api.apiWorkflowsInstancesIdCancelPost({ id });
  incidentAction = (id: string, action: 'retry' | 'skip' | 'cancel'): Promise<unknown> =>
    action === 'retry'
      ? this.api.apiWorkflowsIncidentsIdRetryPost({ id })
      : action === 'skip'
        ? this.api.apiWorkflowsIncidentsIdSkipPost({ id })
        : this.api.apiWorkflowsIncidentsIdCancelPost({ id });

  /** Weekly hours travel as { "Monday": ["09:00-12:00"] }, holidays as ISO dates. */
  calendars = async () => ((await this.api.apiWorkflowsCalendarsGet()) as unknown as Raw[]).map(calendarFrom);
  createCalendar = async (body: SaveCalendarRequest) => calendarFrom((await this.api.apiWorkflowsCalendarsPost({ body: calendarTo(body) })) as unknown as Raw);
  updateCalendar = async (id: string, body: SaveCalendarRequest) => calendarFrom((await this.api.apiWorkflowsCalendarsIdPut({ id, body: calendarTo(body) })) as unknown as Raw);
  deleteCalendar = (id: string): Promise<unknown> => this.api.apiWorkflowsCalendarsIdDelete({ id });

  agents = async (): Promise<Agent[]> => ((await this.api.apiWorkflowsAgentsGet()) as unknown as Raw[]).map(agentFrom);
  saveAgent = async (userId: string, body: SaveAgentRequest): Promise<Agent> => {
    const request: ApiAgentRequest = { isAbsent: body.absent, absentUntil: body.absentUntil ?? null, skills: body.skills ?? null, calendarId: body.calendarId ?? null };
    return agentFrom((await this.api.apiWorkflowsAgentsUserIdPut({ userId, body: request })) as unknown as Raw);
  };
}

/** A query parameter left out when empty, as the server expects. */
function opt(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function instanceSummary(r: Raw) {
  return {
    id: r['id'],
    definitionId: r['definitionId'],
    definitionName: r['definitionName'],
    definitionNameZh: r['definitionNameZh'] ?? null,
    version: r['versionNumber'] ?? r['version'],
    recordType: r['recordType'],
    recordTypeName: r['recordTypeName'] ?? null,
    recordTypeNameZh: r['recordTypeNameZh'] ?? null,
    recordId: r['recordId'],
    recordTitle: r['recordTitle'] ?? null,
    status: r['status'],
    currentStepId: r['currentStepId'],
    currentStepName: r['currentStepName'] ?? null,
    currentStepNameZh: r['currentStepNameZh'] ?? null,
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

function calendarTo(c: SaveCalendarRequest): ApiCalendarRequest {
  return {
    name: c.name,
    timeZone: c.timeZone,
    isDefault: c.isDefault ?? false,
    weeklyHours: Object.fromEntries(c.weeklyHours.filter((w) => w.intervals.length).map((w) => [DAYS[w.dayOfWeek], w.intervals.map((i) => `${i.from}-${i.to}`)])),
    holidays: c.holidays.map((h) => h.date),
    departmentIds: c.departmentIds ?? [],
    workingDays: null,
    concurrencyStamp: c.concurrencyStamp ?? null,
  };
}

function agentFrom(r: Raw): Agent {
  return { userId: r['userId'], name: r['name'], absent: r['isAbsent'] ?? r['absent'] ?? false, absentUntil: r['absentUntil'], skills: r['skills'] ?? [], calendarId: r['calendarId'] };
}
