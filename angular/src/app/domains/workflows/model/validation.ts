import { ACTIVITIES, branchNames, isWaitStep, outgoing, usesNext, WorkflowDefinitionModel } from './definition';

/** One problem of a definition, with the server's stable code (translated as workflows.validation.<code>). */
export interface DefinitionIssue {
  code: string;
  stepId: string | null;
  /** what is wrong, e.g. the branch name or the unknown target */
  detail?: string;
  /** the server's own text, shown when the code has no translation */
  message?: string;
}

/**
 * Structural checks the editor runs as the admin types (the server repeats them and adds field, operator,
 * event and duration checks): unknown activity, link to an unknown step, unreachable step, missing branch,
 * a loop without a wait.
 */
export function checkDefinition(model: WorkflowDefinitionModel): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  if (model.steps.length === 0) return [{ code: 'workflow.no_steps', stepId: null }];
  if (!byId.has(model.startStepId)) issues.push({ code: 'workflow.unknown_step', stepId: null, detail: model.startStepId || '—' });
  const known = new Set<string>(ACTIVITIES);
  for (const step of model.steps) {
    if (!known.has(step.activity)) issues.push({ code: 'workflow.unknown_activity', stepId: step.id, detail: step.activity });
    for (const { branch, target } of outgoing(step))
      if (!byId.has(target)) issues.push({ code: 'workflow.unknown_step', stepId: step.id, detail: branch ? `${branch} → ${target}` : target });
    for (const branch of branchNames(step))
      if (!step.branches?.[branch]) issues.push({ code: 'workflow.missing_branch', stepId: step.id, detail: branch });
  }
  const reachable = reachableFrom(model, model.startStepId);
  for (const step of model.steps)
    if (!reachable.has(step.id)) issues.push({ code: 'workflow.unreachable_step', stepId: step.id });
  for (const cycle of loopsWithoutWait(model)) issues.push({ code: 'workflow.loop_without_wait', stepId: cycle[0], detail: cycle.join(' → ') });
  return issues;
}

export function reachableFrom(model: WorkflowDefinitionModel, start: string): Set<string> {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = byId.has(start) ? [start] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const { target } of outgoing(byId.get(id)!)) if (byId.has(target) && !seen.has(target)) queue.push(target);
  }
  return seen;
}

/** Cycles of the step graph that contain no wait step (each reported once, starting at its first step in list order). */
export function loopsWithoutWait(model: WorkflowDefinitionModel): string[][] {
  const nonWait = model.steps.filter((s) => !isWaitStep(s));
  const ids = new Set(nonWait.map((s) => s.id));
  const edges = new Map(nonWait.map((s) => [s.id, outgoing(s).map((l) => l.target).filter((t) => ids.has(t))]));
  const order = new Map(model.steps.map((s, i) => [s.id, i]));
  const cycles: string[][] = [];
  const reported = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visited = new Set<string>();
  const visit = (id: string) => {
    path.push(id);
    onPath.add(id);
    for (const t of edges.get(id) ?? []) {
      if (onPath.has(t)) {
        const cycle = path.slice(path.indexOf(t));
        const first = cycle.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
        const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
        const key = rotated.join('>');
        if (!reported.has(key)) {
          reported.add(key);
          cycles.push([...rotated, rotated[0]]);
        }
      } else if (!visited.has(t)) visit(t);
    }
    path.pop();
    onPath.delete(id);
    visited.add(id);
  };
  for (const s of nonWait) if (!visited.has(s.id)) visit(s.id);
  return cycles;
}

/**
 * Reads the server's validation ProblemDetails (`errors`/`errorCodes` keyed by a path such as
 * "steps[2].branches.true", "steps.notify" or "trigger.cron") into issues tied to steps.
 */
export function issuesFromProblem(
  problem: { errors: Record<string, string[]>; errorCodes: Record<string, string[]>; code?: string; detail?: string },
  model: WorkflowDefinitionModel,
): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const keys = new Set([...Object.keys(problem.errors), ...Object.keys(problem.errorCodes)]);
  for (const key of keys) {
    const stepId = stepOfPath(key, model);
    const messages = problem.errors[key] ?? [];
    const codes = problem.errorCodes[key] ?? [];
    const count = Math.max(messages.length, codes.length);
    for (let i = 0; i < count; i++)
      issues.push({ code: codes[i] ?? problem.code ?? 'error', stepId, detail: key, message: messages[i] });
  }
  if (issues.length === 0 && problem.code) issues.push({ code: problem.code, stepId: null, message: problem.detail });
  return issues;
}

function stepOfPath(path: string, model: WorkflowDefinitionModel): string | null {
  const indexed = /steps\[(\d+)\]/i.exec(path);
  if (indexed) return model.steps[Number(indexed[1])]?.id ?? null;
  const named = /steps\.([^.[]+)/i.exec(path);
  if (named) return model.steps.find((s) => s.id.toLowerCase() === named[1].toLowerCase())?.id ?? null;
  return model.steps.find((s) => s.id === path)?.id ?? null;
}

/** Whether a step's outgoing links are complete (for the small badge in the list). */
export const stepComplete = (step: { activity: string; next?: string | null; branches?: Record<string, string> | null; properties: Record<string, unknown>; id: string }): boolean =>
  usesNext(step) ? true : branchNames(step).every((b) => !!step.branches?.[b]);
