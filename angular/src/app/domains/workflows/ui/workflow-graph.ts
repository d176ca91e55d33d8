import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Graph } from '@antv/x6';
import { GraphEdge, GraphNode, NODE_HEIGHT, NODE_WIDTH } from '../model/graph';

export interface GraphConnection {
  source: string;
  port: string;
  target: string | null;
}

/**
 * The graph view of a definition (@antv/x6, loaded on first use so the editor's bundle stays small).
 * It draws what it is given and reports what the admin does — node moved, link drawn from an outcome port,
 * link removed, node clicked — the editor store applies it to the one model both views show.
 */
@Component({
  selector: 'wf-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #host class="graph-host" data-test="workflow-graph" [attr.data-ready]="ready() ? 'true' : null"></div>`,
  styles: `
    :host {
      display: block;
    }
    .graph-host {
      width: 100%;
      height: 560px;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      overflow: hidden;
    }
  `,
})
export class WorkflowGraph {
  readonly nodes = input.required<GraphNode[]>();
  readonly edges = input.required<GraphEdge[]>();
  readonly selected = input<string | null>(null);
  readonly issueSteps = input<ReadonlySet<string>>(new Set());
  /** steps of a dry run's path, in order */
  readonly pathSteps = input<string[]>([]);
  readonly readonly = input(false);
  /** texts of the node's second line, by activity */
  readonly activityLabel = input<(activity: string) => string>((a) => a);

  readonly moved = output<{ id: string; x: number; y: number }>();
  readonly connected = output<GraphConnection>();
  readonly selectStep = output<string | null>();

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private graph: Graph | null = null;
  private rendering = false;
  readonly ready = signal(false);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(async () => {
      const x6 = await import('@antv/x6');
      const graph: Graph = new x6.Graph({
        container: this.host().nativeElement,
        autoResize: true,
        grid: { size: 10, visible: true },
        panning: true,
        mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'] },
        interacting: () => (this.readonly() ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false } : true),
        connecting: {
          snap: true,
          allowBlank: false,
          allowLoop: false,
          allowMulti: true,
          allowNode: true,
          allowPort: (args) => args.targetPort?.startsWith('in') ?? false,
          highlight: true,
          router: 'manhattan',
          connector: { name: 'rounded' },
          createEdge: () => graph.createEdge({ attrs: { line: { stroke: '#8c8c8c', strokeWidth: 1.5 } }, zIndex: -1 }),
          validateMagnet: ({ magnet }) => magnet.getAttribute('port-group') === 'out',
        },
      });
      graph.on('node:moved', ({ node }) => {
        const p = node.getPosition();
        this.moved.emit({ id: node.id, x: p.x, y: p.y });
      });
      graph.on('node:click', ({ node }) => this.selectStep.emit(node.id));
      graph.on('blank:click', () => this.selectStep.emit(null));
      graph.on('edge:connected', ({ edge }) => {
        // a new link, or an existing one dragged to another step: either way the port's link now points there
        const source = edge.getSourceCellId();
        const port = edge.getSourcePortId();
        const target = edge.getTargetCellId();
        if (!source || !port || !target) return;
        this.connected.emit({ source, port: port.replace(/^out:/, ''), target });
      });
      graph.on('edge:removed', ({ edge }) => {
        if (this.rendering) return;
        const source = edge.getSourceCellId();
        const port = edge.getSourcePortId();
        if (source && port && edge.getTargetCellId()) this.connected.emit({ source, port: port.replace(/^out:/, ''), target: null });
      });
      graph.on('edge:mouseenter', ({ edge }) => {
        if (!this.readonly()) edge.addTools([{ name: 'button-remove', args: { distance: -30 } }]);
      });
      graph.on('edge:mouseleave', ({ edge }) => edge.removeTools());
      this.graph = graph;
      this.render();
      this.ready.set(true);
      destroyRef.onDestroy(() => graph.dispose());
    });
    effect(() => {
      // read every input so a change of any of them redraws
      this.nodes();
      this.edges();
      this.selected();
      this.issueSteps();
      this.pathSteps();
      this.render();
    });
  }

  private render(): void {
    const graph = this.graph;
    if (!graph) return;
    const issues = this.issueSteps();
    const path = this.pathSteps();
    const selected = this.selected();
    const label = this.activityLabel();
    this.rendering = true;
    try {
      const nodes = this.nodes().map((n) => {
        const onPath = path.indexOf(n.id);
        const stroke = issues.has(n.id) ? '#ff4d4f' : n.id === selected ? '#1677ff' : n.start ? '#52c41a' : '#bfbfbf';
        return graph.createNode({
          id: n.id,
          shape: 'rect',
          x: n.x,
          y: n.y,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          label: `${onPath >= 0 ? `${onPath + 1}. ` : ''}${n.label}\n${label(n.activity)}`,
          attrs: {
            body: { rx: 8, ry: 8, fill: onPath >= 0 ? '#f6ffed' : '#fff', stroke, strokeWidth: issues.has(n.id) || n.id === selected ? 2 : 1 },
            label: { fontSize: 12, fill: '#262626' },
          },
          data: { issue: issues.has(n.id) },
          ports: {
            groups: {
              in: { position: 'top', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#8c8c8c', fill: '#fff' } } },
              out: {
                position: 'bottom',
                label: { position: 'bottom' },
                attrs: { circle: { r: 5, magnet: true, stroke: '#1677ff', fill: '#fff' }, text: { fontSize: 10, fill: '#8c8c8c' } },
              },
            },
            items: [
              { id: 'in', group: 'in' },
              ...n.ports.map((p) => ({ id: `out:${p}`, group: 'out', attrs: { text: { text: p === 'next' ? '' : p } } })),
            ],
          },
        });
      });
      const edges = this.edges().map((e) =>
        graph.createEdge({
          id: e.id,
          source: { cell: e.source, port: `out:${e.port}` },
          target: { cell: e.target, port: 'in' },
          router: { name: 'manhattan' },
          connector: { name: 'rounded' },
          labels: e.label ? [{ attrs: { label: { text: e.label, fontSize: 11 } } }] : [],
          attrs: {
            line: {
              stroke: path.includes(e.source) && path.includes(e.target) ? '#52c41a' : '#8c8c8c',
              strokeWidth: 1.5,
            },
          },
          zIndex: -1,
        }),
      );
      graph.resetCells([...nodes, ...edges]);
    } finally {
      this.rendering = false;
    }
  }
}
