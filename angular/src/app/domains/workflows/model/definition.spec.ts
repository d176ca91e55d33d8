import { addStep, changeActivity, emptyDefinition, link, moveStep, removeStep, renameStep, setProperties, WorkflowDefinitionModel } from './definition';
import { checkDefinition, issuesFromProblem } from './validation';

function chain(): WorkflowDefinitionModel {
  let m = emptyDefinition('complaint');
  m = addStep(m, 'Assign').model;
  m = addStep(m, 'If', 'assign').model;
  m = addStep(m, 'Notify', 'if').model;
  m = addStep(m, 'Complete', 'notify').model;
  return link(link(m, 'if', 'true', 'notify'), 'if', 'false', 'complete');
}

describe('definition edits', () => {
  it('adds steps with unique ids, the first becomes the start, a plain step is spliced into the chain', () => {
    let m = emptyDefinition();
    m = addStep(m, 'Notify').model;
    m = addStep(m, 'Complete', 'notify').model;
    const { model, id } = addStep(m, 'Notify', 'notify');
    expect(id).toBe('notify2');
    expect(model.startStepId).toBe('notify');
    expect(model.steps.map((s) => s.id)).toEqual(['notify', 'notify2', 'complete']);
    expect(model.steps.find((s) => s.id === 'notify')!.next).toBe('notify2');
    expect(model.steps.find((s) => s.id === 'notify2')!.next).toBe('complete');
  });

  it('removing a step redirects links to its next and moves the start on', () => {
    const m = removeStep(chain(), 'notify');
    const iff = m.steps.find((s) => s.id === 'if')!;
    expect(iff.branches).toEqual({ true: 'complete', false: 'complete' });
    expect(m.steps.some((s) => s.next === 'notify')).toBe(false);
    const m2 = removeStep(m, 'assign');
    expect(m2.startStepId).toBe('if');
    expect(checkDefinition(m2)).toEqual([]);
  });

  it('removing a step without next clears the links to it', () => {
    const m = removeStep(chain(), 'complete');
    const iff = m.steps.find((s) => s.id === 'if')!;
    expect(iff.branches).toEqual({ true: 'notify' });
    expect(m.steps.find((s) => s.id === 'notify')!.next).toBeNull();
    expect(checkDefinition(m).map((i) => i.code)).toContain('workflow.missing_branch');
  });

  it('renames a step everywhere it is referenced and refuses a taken id', () => {
    const m = renameStep(chain(), 'notify', 'tellCustomer');
    expect(m.steps.find((s) => s.id === 'if')!.branches!['true']).toBe('tellCustomer');
    expect(m.steps.find((s) => s.id === 'tellCustomer')!.next).toBe('complete');
    expect(renameStep(m, 'if', 'assign')).toBe(m);
  });

  it('changing the activity or the switch cases drops branches that no longer exist', () => {
    let m = changeActivity(chain(), 'if', 'Switch');
    expect(m.steps.find((s) => s.id === 'if')!.branches).toBeNull();
    m = setProperties(m, 'if', { cases: [{ name: 'high', condition: { all: [] } }] });
    m = link(link(m, 'if', 'high', 'notify'), 'if', 'default', 'complete');
    m = setProperties(m, 'if', { cases: [{ name: 'urgent', condition: { all: [] } }] });
    expect(m.steps.find((s) => s.id === 'if')!.branches).toEqual({ default: 'complete' });
    expect(checkDefinition(m)).toEqual([
      { code: 'workflow.missing_branch', stepId: 'if', detail: 'urgent' },
      { code: 'workflow.unreachable_step', stepId: 'notify' },
    ]);
  });

  it('reorders the list without touching the flow', () => {
    const m = moveStep(chain(), 3, 0);
    expect(m.steps.map((s) => s.id)).toEqual(['complete', 'assign', 'if', 'notify']);
    expect(m.startStepId).toBe('assign');
  });
});

describe('definition checks', () => {
  it('a complete chain has no issues', () => {
    expect(checkDefinition(chain())).toEqual([]);
  });

  it('finds unknown activities, unknown targets and unreachable steps', () => {
    let m = chain();
    m = { ...m, steps: [...m.steps, { id: 'orphan', activity: 'Teleport', properties: {}, next: 'nowhere' }] };
    const codes = checkDefinition(m).map((i) => `${i.code}@${i.stepId}`);
    expect(codes).toEqual(['workflow.unknown_activity@orphan', 'workflow.unknown_step@orphan', 'workflow.unreachable_step@orphan']);
  });

  it('finds a loop without a wait and accepts one that waits', () => {
    let m = link(chain(), 'notify', null, 'assign');
    expect(checkDefinition(m)).toEqual([{ code: 'workflow.loop_without_wait', stepId: 'assign', detail: 'assign → if → notify → assign' }]);
    m = addStep(m, 'WaitForEvent', 'notify').model;
    expect(m.steps.find((s) => s.id === 'waitForEvent')!.next).toBe('assign');
    expect(checkDefinition(m).filter((i) => i.code === 'workflow.loop_without_wait')).toEqual([]);
  });

  it('ties server errors to steps by index or id', () => {
    const issues = issuesFromProblem(
      {
        errors: { 'steps[1].branches.true': ['Branch true is missing'], 'steps.notify': ['Unknown field'], 'trigger.cron': ['Bad cron'] },
        errorCodes: { 'steps[1].branches.true': ['workflow.missing_branch'], 'steps.notify': ['workflow.unknown_field'], 'trigger.cron': ['workflow.bad_cron'] },
      },
      chain(),
    );
    expect(issues.map((i) => [i.code, i.stepId])).toEqual([
      ['workflow.missing_branch', 'if'],
      ['workflow.unknown_field', 'notify'],
      ['workflow.bad_cron', null],
    ]);
  });
});
