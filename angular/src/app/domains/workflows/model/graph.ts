import { branchNames, link, optionalBranches, outgoing, usesNext, WorkflowDefinitionModel, WorkflowLayout } from './definition';

/** What the graph view draws: one node per step, one edge per next/branch link, one output port per outcome. */
export interface GraphNode {
  id: string;
  activity: string;
  label: string;
  x: number;
  y: number;
  start: boolean;
  /** output ports: "next" or branch names */
  ports: string[];
}

export interface GraphEdge {
  id: string;
  source: string;
  /** "next" or the branch name */
  port: string;
  target: string;
  label: string;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
const GAP_X = 60;
const GAP_Y = 50;

/**
 * The graph of a definition. Steps without a saved position are placed by depth from the start
 * (breadth first), side by side within a depth, so a new definition reads top-down.
 */
export function toGraph(model: WorkflowDefinitionModel, layout: WorkflowLayout): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const auto = autoLayout(model);
  const nodes = model.steps.map<GraphNode>((s) => {
    const pos = layout.nodes[s.id] ?? auto[s.id];
    return {
      id: s.id,
      activity: s.activity,
      label: s.name || s.id,
      x: pos.x,
      y: pos.y,
      start: s.id === model.startStepId,
      ports: outputPorts(s),
    };
  });
  const ids = new Set(model.steps.map((s) => s.id));
  const edges = model.steps.flatMap((s) =>
    outgoing(s)
      .filter((l) => ids.has(l.target))
      .map<GraphEdge>((l) => ({
        id: `${s.id}:${l.branch ?? 'next'}`,
        source: s.id,
        port: l.branch ?? 'next',
        target: l.target,
        label: l.branch ?? '',
      })),
  );
  return { nodes, edges };
}

export function outputPorts(step: WorkflowDefinitionModel['steps'][number]): string[] {
  if (step.activity === 'Complete') return [];
  if (!usesNext(step)) return branchNames(step);
  return ['next', ...optionalBranches(step)];
}

export function autoLayout(model: WorkflowDefinitionModel): Record<string, { x: number; y: number }> {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const queue: string[] = [];
  if (byId.has(model.startStepId)) {
    depth.set(model.startStepId, 0);
    queue.push(model.startStepId);
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const { target } of outgoing(byId.get(id)!))
      if (byId.has(target) && !depth.has(target)) {
        depth.set(target, depth.get(id)! + 1);
        queue.push(target);
      }
  }
  let maxDepth = Math.max(-1, ...depth.values());
  for (const s of model.steps) if (!depth.has(s.id)) depth.set(s.id, ++maxDepth);
  const perRow = new Map<number, number>();
  const result: Record<string, { x: number; y: number }> = {};
  for (const s of model.steps) {
    const d = depth.get(s.id)!;
    const column = perRow.get(d) ?? 0;
    perRow.set(d, column + 1);
    result[s.id] = { x: 40 + column * (NODE_WIDTH + GAP_X), y: 30 + d * (NODE_HEIGHT + GAP_Y) };
  }
  return result;
}

/** A connection drawn in the graph: the source port names the link (next or a branch) it sets. */
export function connect(model: WorkflowDefinitionModel, source: string, port: string, target: string | null): WorkflowDefinitionModel {
  return link(model, source, port === 'next' ? null : port, target);
}

/** A node dragged to a new place. */
export function moveNode(layout: WorkflowLayout, id: string, x: number, y: number): WorkflowLayout {
  return { nodes: { ...layout.nodes, [id]: { x: Math.round(x), y: Math.round(y) } } };
}
