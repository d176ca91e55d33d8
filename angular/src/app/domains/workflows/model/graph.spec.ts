import { addStep, emptyDefinition, link, removeStep, renameStep, WorkflowDefinitionModel } from './definition';
import { connect, moveNode, toGraph } from './graph';
import { nextRuns } from './cron';

function model(): WorkflowDefinitionModel {
  let m = emptyDefinition('complaint');
  m = addStep(m, 'If').model;
  m = addStep(m, 'Notify', 'if').model;
  m = addStep(m, 'Complete', 'notify').model;
  return link(m, 'if', 'true', 'notify');
}

describe('graph view of the definition', () => {
  it('draws a node per step and a labelled edge per link, with ports for outcomes', () => {
    const g = toGraph(model(), { nodes: {} });
    expect(g.nodes.map((n) => [n.id, n.ports])).toEqual([
      ['if', ['true', 'false']],
      ['notify', ['next']],
      ['complete', []],
    ]);
    expect(g.edges).toEqual([
      { id: 'if:true', source: 'if', port: 'true', target: 'notify', label: 'true' },
      { id: 'notify:next', source: 'notify', port: 'next', target: 'complete', label: '' },
    ]);
    expect(g.nodes[0].start).toBe(true);
    // placed top-down by depth when there is no layout
    expect(g.nodes[1].y).toBeGreaterThan(g.nodes[0].y);
  });

  it('connecting a port sets the branch or next in the model; the list sees the same change', () => {
    let m = connect(model(), 'if', 'false', 'complete');
    expect(m.steps[0].branches).toEqual({ true: 'notify', false: 'complete' });
    m = connect(m, 'notify', 'next', null);
    expect(m.steps[1].next).toBeNull();
    expect(toGraph(m, { nodes: {} }).edges.map((e) => e.id)).toEqual(['if:true', 'if:false']);
  });

  it('uses saved positions and follows edits made in the list', () => {
    const layout = moveNode({ nodes: {} }, 'notify', 410.4, 220.6);
    let m = renameStep(model(), 'notify', 'tell');
    expect(toGraph(m, layout).nodes.find((n) => n.id === 'tell')).toBeTruthy();
    m = removeStep(model(), 'notify');
    const g = toGraph(m, layout);
    expect(g.nodes.map((n) => n.id)).toEqual(['if', 'complete']);
    expect(g.edges).toEqual([{ id: 'if:true', source: 'if', port: 'true', target: 'complete', label: 'true' }]);
    expect(toGraph(model(), layout).nodes[1]).toMatchObject({ x: 410, y: 221 });
  });
});

describe('cron preview', () => {
  it('lists the next runs of a simple schedule', () => {
    const from = new Date(2030, 0, 1, 10, 0); // a Tuesday
    const runs = nextRuns('0 9 * * 1-5', from, 3)!;
    expect(runs.map((d) => [d.getDate(), d.getHours(), d.getMinutes()])).toEqual([
      [2, 9, 0],
      [3, 9, 0],
      [4, 9, 0],
    ]);
    expect(nextRuns('every day', from)).toBeNull();
  });
});
