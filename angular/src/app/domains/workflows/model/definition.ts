/**
 * The workflow definition JSON (src/SaasCrm.Workflows.Contracts/WorkflowDefinitionModel.cs) and the pure edits the
 * editor makes on it. Every function returns a new model: the editor store keeps one model that the step list and
 * the graph view both read and write, so they cannot drift apart.
 */
import type { Condition } from './condition';

export interface WorkflowTrigger {
  kind: TriggerKind;
  recordType?: string | null;
  fields?: string[] | null;
  status?: string | null;
  event?: string | null;
  cron?: string | null;
  timeZone?: string | null;
  condition?: Condition | null;
}

export type TriggerKind = 'recordCreated' | 'recordUpdated' | 'statusChanged' | 'event' | 'schedule';
export const TRIGGER_KINDS: readonly TriggerKind[] = ['recordCreated', 'recordUpdated', 'statusChanged', 'event', 'schedule'];

export type VariableType = 'text' | 'number' | 'boolean' | 'dateTime' | 'user';
export const VARIABLE_TYPES: readonly VariableType[] = ['text', 'number', 'boolean', 'dateTime', 'user'];

export interface WorkflowVariable {
  name: string;
  type: VariableType;
  default?: unknown;
}

export type StepProperties = Record<string, unknown>;

export interface WorkflowStep {
  id: string;
  activity: string;
  /** Title (English, or the only one typed); nameZh the Chinese title, falling back to name. */
  name?: string | null;
  nameZh?: string | null;
  properties: StepProperties;
  next?: string | null;
  branches?: Record<string, string> | null;
}

export interface WorkflowDefinitionModel {
  trigger: WorkflowTrigger;
  variables: WorkflowVariable[];
  startStepId: string;
  steps: WorkflowStep[];
}

export interface NodePosition {
  x: number;
  y: number;
}

export interface WorkflowLayout {
  nodes: Record<string, NodePosition>;
}

export const ACTIVITIES = [
  'If',
  'Switch',
  'Assign',
  'ComputeDeadline',
  'Notify',
  'Escalate',
  'WaitForEvent',
  'WaitUntil',
  'WaitForEventOrTimer',
  'SetStatus',
  'SetField',
  'CreateTask',
  'Complete',
] as const;

/** Activities that suspend the instance: a loop must pass one of them (else it would spin). */
export function isWaitStep(step: WorkflowStep): boolean {
  return (
    step.activity === 'WaitForEvent' ||
    step.activity === 'WaitUntil' ||
    step.activity === 'WaitForEventOrTimer' ||
    (step.activity === 'CreateTask' && step.properties['wait'] === true)
  );
}

/**
 * The named outcomes of a step (docs/workflows.md): If → true/false, Switch → its case names + default,
 * WaitForEventOrTimer → event/timer, Escalate → escalated/maxReached; Assign → its optional "none" branch.
 * Other activities only have `next`; Complete has nothing.
 */
export function branchNames(step: WorkflowStep): string[] {
  switch (step.activity) {
    case 'If':
      return ['true', 'false'];
    case 'Switch': {
      const cases = Array.isArray(step.properties['cases']) ? (step.properties['cases'] as { name?: string }[]) : [];
      return [...cases.map((c) => c.name ?? '').filter((n) => n !== ''), 'default'];
    }
    case 'WaitForEventOrTimer':
      return ['event', 'timer'];
    case 'Escalate':
      return ['escalated', 'maxReached'];
    default:
      return [];
  }
}

/** Branches a step may leave unset (the instance then goes on with `next`). */
export function optionalBranches(step: WorkflowStep): string[] {
  return step.activity === 'Assign' ? ['none'] : [];
}

/** Whether the step continues with `next` (steps with required branches and Complete do not). */
export function usesNext(step: WorkflowStep): boolean {
  return step.activity !== 'Complete' && branchNames(step).length === 0;
}

/** Every outgoing link of a step: `next` first, then branches in their defined order. */
export function outgoing(step: WorkflowStep): { branch: string | null; target: string }[] {
  const links: { branch: string | null; target: string }[] = [];
  if (step.next) links.push({ branch: null, target: step.next });
  for (const [branch, target] of Object.entries(step.branches ?? {})) if (target) links.push({ branch, target });
  return links;
}

export function emptyDefinition(recordType: string | null = null): WorkflowDefinitionModel {
  return {
    trigger: { kind: 'recordCreated', recordType },
    variables: [],
    startStepId: '',
    steps: [],
  };
}

/** A readable id not yet used: "notify", "notify2", … */
export function newStepId(model: WorkflowDefinitionModel, activity: string): string {
  const base = activity.charAt(0).toLowerCase() + activity.slice(1);
  const taken = new Set(model.steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export function defaultProperties(activity: string): StepProperties {
  switch (activity) {
    case 'If':
      return { condition: { all: [] } };
    case 'Switch':
      return { cases: [] };
    case 'Assign':
      return { strategy: 'roundRobin', candidates: {} };
    case 'ComputeDeadline':
      return { field: '', duration: 'P1D', workingTime: true };
    case 'Notify':
      return { channels: ['inApp'], recipients: ['assignee'], subject: { en: '', zh: '' }, body: { en: '', zh: '' } };
    case 'Escalate':
      return { maxLevel: 3 };
    case 'WaitUntil':
      return { duration: 'P1D', workingTime: true };
    case 'WaitForEventOrTimer':
      return { event: '', timer: { duration: 'P1D', workingTime: true } };
    case 'CreateTask':
      return { title: { en: '', zh: '' }, assignee: 'assignee', wait: false };
    default:
      return {};
  }
}

/**
 * Adds a step after `afterId` (or at the end). A step added after a plain step is spliced into its chain
 * (after → new → after's old next); the first step becomes the start.
 */
export function addStep(
  model: WorkflowDefinitionModel,
  activity: string,
  afterId: string | null = null,
  id: string = newStepId(model, activity),
): { model: WorkflowDefinitionModel; id: string } {
  const step: WorkflowStep = { id, activity, properties: defaultProperties(activity), next: null };
  const steps = model.steps.map((s) => ({ ...s }));
  let index = steps.length;
  if (afterId) {
    const at = steps.findIndex((s) => s.id === afterId);
    if (at >= 0) {
      index = at + 1;
      const after = steps[at];
      if (usesNext(after)) {
        if (usesNext(step)) step.next = after.next ?? null;
        after.next = id;
      }
    }
  }
  steps.splice(index, 0, step);
  return { model: { ...model, steps, startStepId: model.startStepId || id }, id };
}

/**
 * Removes a step and keeps every reference consistent: links to it are redirected to its `next` (so a chain
 * stays connected) or cleared when it had none; the start moves on the same way.
 */
export function removeStep(model: WorkflowDefinitionModel, id: string): WorkflowDefinitionModel {
  const removed = model.steps.find((s) => s.id === id);
  if (!removed) return model;
  const replacement = removed.next && removed.next !== id ? removed.next : null;
  const steps = model.steps
    .filter((s) => s.id !== id)
    .map((s) => {
      const next = s.next === id ? replacement : (s.next ?? null);
      let branches = s.branches ?? null;
      if (branches && Object.values(branches).includes(id)) {
        branches = Object.fromEntries(
          Object.entries(branches)
            .map(([b, t]) => [b, t === id ? replacement : t] as const)
            .filter((e): e is readonly [string, string] => !!e[1]),
        );
      }
      return { ...s, next, branches };
    });
  const startStepId = model.startStepId === id ? (replacement ?? steps[0]?.id ?? '') : model.startStepId;
  return { ...model, steps, startStepId };
}

/** Renames a step everywhere it is referenced (start, next, branches). */
export function renameStep(model: WorkflowDefinitionModel, from: string, to: string): WorkflowDefinitionModel {
  if (from === to || !to || model.steps.some((s) => s.id === to)) return model;
  const swap = (v: string | null | undefined) => (v === from ? to : (v ?? null));
  return {
    ...model,
    startStepId: model.startStepId === from ? to : model.startStepId,
    steps: model.steps.map((s) => ({
      ...s,
      id: s.id === from ? to : s.id,
      next: swap(s.next),
      branches: s.branches ? Object.fromEntries(Object.entries(s.branches).map(([b, t]) => [b, swap(t)!])) : s.branches,
    })),
  };
}

/** Moves a step in the list (the order is for reading; the flow follows next/branches). */
export function moveStep(model: WorkflowDefinitionModel, from: number, to: number): WorkflowDefinitionModel {
  if (from === to || from < 0 || from >= model.steps.length) return model;
  const steps = [...model.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(Math.max(0, Math.min(to, steps.length)), 0, step);
  return { ...model, steps };
}

export function updateStep(model: WorkflowDefinitionModel, id: string, change: (step: WorkflowStep) => WorkflowStep): WorkflowDefinitionModel {
  return { ...model, steps: model.steps.map((s) => (s.id === id ? change(s) : s)) };
}

/**
 * Sets where a step goes: `branch` null sets `next`, else the named branch; a null target clears the link.
 * Used by the list's selectors and by connecting edges in the graph.
 */
export function link(model: WorkflowDefinitionModel, id: string, branch: string | null, target: string | null): WorkflowDefinitionModel {
  return updateStep(model, id, (s) => {
    if (branch === null) return { ...s, next: target };
    const branches = { ...(s.branches ?? {}) };
    if (target) branches[branch] = target;
    else delete branches[branch];
    return { ...s, branches: Object.keys(branches).length ? branches : null };
  });
}

/** Changes a step's activity: properties start over, branches the new activity does not have are dropped. */
export function changeActivity(model: WorkflowDefinitionModel, id: string, activity: string): WorkflowDefinitionModel {
  return updateStep(model, id, (s) => {
    const changed: WorkflowStep = { ...s, activity, properties: defaultProperties(activity) };
    return pruneBranches(changed);
  });
}

/** Keeps only branches the step's activity defines (e.g. after a Switch case was renamed or removed). */
export function pruneBranches(step: WorkflowStep): WorkflowStep {
  const allowed = new Set([...branchNames(step), ...optionalBranches(step)]);
  const branches = Object.fromEntries(Object.entries(step.branches ?? {}).filter(([b]) => allowed.has(b)));
  const next = step.activity === 'Complete' ? null : (step.next ?? null);
  return { ...step, next, branches: Object.keys(branches).length ? branches : null };
}

export function setProperties(model: WorkflowDefinitionModel, id: string, properties: StepProperties): WorkflowDefinitionModel {
  return updateStep(model, id, (s) => pruneBranches({ ...s, properties }));
}

/** Drops layout positions of steps that no longer exist and renames moved ones. */
export function tidyLayout(layout: WorkflowLayout, model: WorkflowDefinitionModel): WorkflowLayout {
  const ids = new Set(model.steps.map((s) => s.id));
  return { nodes: Object.fromEntries(Object.entries(layout.nodes).filter(([id]) => ids.has(id))) };
}
