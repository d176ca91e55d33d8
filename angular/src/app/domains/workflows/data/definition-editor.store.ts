import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import type { CatalogField, DefinitionDetail, DryRunRequest, DryRunResult, VersionStatus, WorkflowCatalog } from '../model/api';
import type { FieldType } from '../model/condition';
import * as def from '../model/definition';
import { connect, moveNode, toGraph } from '../model/graph';
import { checkDefinition, DefinitionIssue } from '../model/validation';
import { WorkflowApi } from './workflow-api';

export interface EditorState {
  detail: DefinitionDetail | null;
  catalog: WorkflowCatalog | null;
  /** the version shown; the draft is editable, others are read only */
  versionNumber: number | null;
  versionStatus: VersionStatus | null;
  model: def.WorkflowDefinitionModel;
  layout: def.WorkflowLayout;
  concurrencyStamp: string | null;
  dirty: boolean;
  selectedStepId: string | null;
  /** the server's answer to the last validate/publish */
  serverIssues: DefinitionIssue[];
  validatedOk: boolean;
  /** the save was refused because someone else changed the draft */
  conflict: boolean;
  busy: 'loading' | 'saving' | 'validating' | 'publishing' | 'dryRun' | null;
  dryRun: DryRunResult | null;
}

const initial: EditorState = {
  detail: null,
  catalog: null,
  versionNumber: null,
  versionStatus: null,
  model: def.emptyDefinition(),
  layout: { nodes: {} },
  concurrencyStamp: null,
  dirty: false,
  selectedStepId: null,
  serverIssues: [],
  validatedOk: false,
  conflict: false,
  busy: null,
  dryRun: null,
};

/**
 * One definition and the version being edited. The step list and the graph view both edit `model`/`layout`
 * through these methods, so they always show the same definition; every edit clears the last server answer.
 */
export const DefinitionEditorStore = signalStore(
  withState<EditorState>(initial),
  withComputed((store) => {
    const recordType = computed(() => store.catalog()?.recordTypes.find((r) => r.name === (store.model().trigger.recordType ?? store.detail()?.recordType)) ?? null);
    const variableFields = computed<CatalogField[]>(() =>
      store.model().variables.map((v) => ({
        name: `var.${v.name}`,
        type: variableFieldType(v.type),
        label: { en: `var.${v.name}`, zh: `var.${v.name}` },
        writable: true,
      })),
    );
    const fields = computed<CatalogField[]>(() => [...(recordType()?.fields ?? []), ...variableFields()]);
    const localIssues = computed(() => checkDefinition(store.model()));
    return {
      editable: computed(() => store.versionStatus() === 'Draft'),
      draft: computed(() => store.detail()?.versions.find((v) => v.status === 'Draft') ?? null),
      published: computed(() => store.detail()?.versions.find((v) => v.status === 'Published') ?? null),
      recordType,
      fields,
      /** fields conditions may read: the record's, variables and the event data of the record type's events */
      conditionFields: computed<CatalogField[]>(() => [
        ...fields(),
        ...[...new Set((recordType()?.events ?? []).flatMap((e) => e.dataFields ?? []))].map<CatalogField>((f) => ({
          name: `event.${f}`,
          type: 'Text',
          label: { en: `event.${f}`, zh: `event.${f}` },
        })),
      ]),
      writableFields: computed(() => fields().filter((f) => f.writable)),
      stepIds: computed(() => store.model().steps.map((s) => s.id)),
      selectedStep: computed(() => store.model().steps.find((s) => s.id === store.selectedStepId()) ?? null),
      graph: computed(() => toGraph(store.model(), store.layout())),
      localIssues,
      /** what the editor shows: the server's answer when there is one, else the local checks */
      issues: computed(() => (store.serverIssues().length ? store.serverIssues() : localIssues())),
      issueSteps: computed(() => new Set((store.serverIssues().length ? store.serverIssues() : localIssues()).map((i) => i.stepId).filter((s): s is string => !!s))),
      pathSteps: computed(() => (store.dryRun()?.path ?? []).map((p) => p.stepId)),
    };
  }),
  withMethods((store, api = inject(WorkflowApi)) => {
    const edit = (model: def.WorkflowDefinitionModel, layout: def.WorkflowLayout = store.layout()) =>
      patchState(store, { model, layout: def.tidyLayout(layout, model), dirty: true, serverIssues: [], validatedOk: false });

    async function openVersion(number: number): Promise<void> {
      const id = store.detail()!.id;
      patchState(store, { busy: 'loading' });
      try {
        const v = await api.version(id, number);
        patchState(store, {
          versionNumber: v.number,
          versionStatus: v.status,
          model: normalizeModel(v.definition),
          layout: v.layout ?? { nodes: {} },
          concurrencyStamp: v.concurrencyStamp ?? null,
          dirty: false,
          conflict: false,
          serverIssues: [],
          validatedOk: false,
          dryRun: null,
          selectedStepId: null,
        });
      } finally {
        patchState(store, { busy: null });
      }
    }

    async function refreshDetail(): Promise<void> {
      patchState(store, { detail: await api.definition(store.detail()!.id) });
    }

    return {
      async load(id: string): Promise<void> {
        patchState(store, { ...initial, busy: 'loading' });
        try {
          const [detail, catalog] = await Promise.all([api.definition(id), api.catalog()]);
          patchState(store, { detail, catalog });
          const draft = detail.versions.find((v) => v.status === 'Draft');
          const latest = draft ?? detail.versions.find((v) => v.status === 'Published') ?? detail.versions[0];
          if (latest) await openVersion(latest.number);
        } finally {
          patchState(store, { busy: null });
        }
      },
      openVersion,
      refreshDetail,
      select: (stepId: string | null) => patchState(store, { selectedStepId: stepId }),
      addStep(activity: string, afterId: string | null = store.selectedStepId()): string {
        const { model, id } = def.addStep(store.model(), activity, afterId);
        edit(model);
        patchState(store, { selectedStepId: id });
        return id;
      },
      removeStep(id: string): void {
        edit(def.removeStep(store.model(), id));
        if (store.selectedStepId() === id) patchState(store, { selectedStepId: null });
      },
      renameStep(from: string, to: string): boolean {
        const model = def.renameStep(store.model(), from, to);
        if (model === store.model()) return false;
        const nodes = { ...store.layout().nodes };
        if (nodes[from]) {
          nodes[to] = nodes[from];
          delete nodes[from];
        }
        edit(model, { nodes });
        if (store.selectedStepId() === from) patchState(store, { selectedStepId: to });
        return true;
      },
      moveStep: (from: number, to: number) => edit(def.moveStep(store.model(), from, to)),
      setName: (id: string, name: string) => edit(def.updateStep(store.model(), id, (s) => ({ ...s, name: name || null }))),
      setNameZh: (id: string, nameZh: string) => edit(def.updateStep(store.model(), id, (s) => ({ ...s, nameZh: nameZh || null }))),
      changeActivity: (id: string, activity: string) => edit(def.changeActivity(store.model(), id, activity)),
      setProperties: (id: string, properties: def.StepProperties) => edit(def.setProperties(store.model(), id, properties)),
      link: (id: string, branch: string | null, target: string | null) => edit(def.link(store.model(), id, branch, target)),
      setStart: (id: string) => edit({ ...store.model(), startStepId: id }),
      setTrigger: (trigger: def.WorkflowTrigger) => edit({ ...store.model(), trigger }),
      setVariables: (variables: def.WorkflowVariable[]) => edit({ ...store.model(), variables }),
      /** graph: an edge drawn from a port (next or a branch) to a step, or removed (target null) */
      connect: (source: string, port: string, target: string | null) => edit(connect(store.model(), source, port, target)),
      /** graph: a node moved; only the layout changes */
      moveNode: (id: string, x: number, y: number) => patchState(store, { layout: moveNode(store.layout(), id, x, y), dirty: true }),

      /** Saves the draft; false with `conflict` when someone else saved it first (409). */
      async save(): Promise<boolean> {
        const detail = store.detail();
        if (!detail) return false;
        patchState(store, { busy: 'saving' });
        try {
          const saved = await api.saveDraft(detail.id, { definition: store.model(), layout: store.layout(), concurrencyStamp: store.concurrencyStamp() });
          const wasDraft = store.versionStatus() === 'Draft';
          patchState(store, { concurrencyStamp: saved.concurrencyStamp, versionNumber: saved.number, versionStatus: 'Draft', dirty: false, conflict: false });
          if (!wasDraft) await refreshDetail();
          return true;
        } catch (error) {
          if (error instanceof HttpErrorResponse && error.status === 409) {
            patchState(store, { conflict: true });
            return false;
          }
          throw error;
        } finally {
          patchState(store, { busy: null });
        }
      },
      /** Asks the server to check the saved draft; a 400 carries the issues (set by the caller with setServerIssues). */
      async validate(): Promise<void> {
        patchState(store, { busy: 'validating' });
        try {
          const issues = await api.validateDraft(store.detail()!.id);
          patchState(store, { serverIssues: issues, validatedOk: issues.length === 0 });
        } finally {
          patchState(store, { busy: null });
        }
      },
      setServerIssues: (serverIssues: DefinitionIssue[]) => patchState(store, { serverIssues, validatedOk: false }),
      async publish(): Promise<void> {
        patchState(store, { busy: 'publishing' });
        try {
          await api.publishDraft(store.detail()!.id);
          await refreshDetail();
          const published = store.detail()!.versions.find((v) => v.status === 'Published');
          if (published) await openVersion(published.number);
        } finally {
          patchState(store, { busy: null });
        }
      },
      async retire(number: number): Promise<void> {
        await api.retire(store.detail()!.id, number);
        await refreshDetail();
      },
      async runDry(request: Omit<DryRunRequest, 'version'>): Promise<void> {
        patchState(store, { busy: 'dryRun', dryRun: null });
        try {
          const version = store.versionStatus() === 'Draft' ? null : store.versionNumber();
          patchState(store, { dryRun: await api.dryRun(store.detail()!.id, { ...request, version }) });
        } finally {
          patchState(store, { busy: null });
        }
      },
      clearDryRun: () => patchState(store, { dryRun: null }),
      fieldType: (name: string): FieldType | undefined => store.conditionFields().find((f) => f.name === name)?.type,
    };
  }),
);

export type DefinitionEditorStore = InstanceType<typeof DefinitionEditorStore>;

function variableFieldType(type: def.VariableType): FieldType {
  return type === 'number' ? 'Number' : type === 'boolean' ? 'Boolean' : type === 'dateTime' ? 'DateTime' : type === 'user' ? 'User' : 'Text';
}

/** Fills what an older or hand-written definition may leave out, so the editor can rely on it. */
export function normalizeModel(model: Partial<def.WorkflowDefinitionModel> | null | undefined): def.WorkflowDefinitionModel {
  return {
    trigger: model?.trigger ?? { kind: 'recordCreated' },
    variables: model?.variables ?? [],
    startStepId: model?.startStepId ?? model?.steps?.[0]?.id ?? '',
    steps: (model?.steps ?? []).map((s) => ({ ...s, properties: s.properties ?? {} })),
  };
}
