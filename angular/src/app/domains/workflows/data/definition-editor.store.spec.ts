import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { DefinitionDetail, VersionDetail, WorkflowCatalog } from '../model/api';
import { DefinitionEditorStore } from './definition-editor.store';
import { WorkflowApi } from './workflow-api';

describe('DefinitionEditorStore', () => {
  const catalog: WorkflowCatalog = {
    activities: [],
    recordTypes: [
      {
        name: 'complaint',
        displayName: { en: 'Complaint', zh: '投诉' },
        fields: [
          { name: 'severity', type: 'Dictionary', label: { en: 'Severity', zh: '严重程度' }, dictionaryType: 'severity' },
          { name: 'dueAt', type: 'DateTime', label: { en: 'Due', zh: '期限' }, writable: true },
        ],
        events: [{ name: 'ReturnVisitRecorded', label: { en: 'Return visit', zh: '回访' }, dataFields: ['satisfied'] }],
      },
    ],
  };
  const detail = (versions: DefinitionDetail['versions']): DefinitionDetail => ({ id: 'd1', name: 'Escalation', recordType: 'complaint', versions });
  const draft: VersionDetail = {
    number: 2,
    status: 'Draft',
    concurrencyStamp: 's1',
    definition: {
      trigger: { kind: 'recordCreated', recordType: 'complaint' },
      variables: [{ name: 'round', type: 'number' }],
      startStepId: 'deadline',
      steps: [
        { id: 'deadline', activity: 'ComputeDeadline', properties: {}, next: 'done' },
        { id: 'done', activity: 'Complete', properties: {} },
      ],
    },
    layout: { nodes: { deadline: { x: 10, y: 10 } } },
  };

  function setup(api: Partial<Record<keyof WorkflowApi, unknown>>) {
    TestBed.configureTestingModule({
      providers: [
        DefinitionEditorStore,
        {
          provide: WorkflowApi,
          useValue: {
            catalog: vi.fn().mockResolvedValue(catalog),
            definition: vi.fn().mockResolvedValue(detail([{ number: 1, status: 'Published', runningInstances: 3 }, { number: 2, status: 'Draft', runningInstances: 0 }])),
            version: vi.fn().mockResolvedValue(draft),
            ...api,
          },
        },
      ],
    });
    return TestBed.inject(DefinitionEditorStore);
  }

  it('opens the draft with the record type fields, variables and event data for conditions', async () => {
    const store = setup({});
    await store.load('d1');
    expect(store.versionNumber()).toBe(2);
    expect(store.editable()).toBe(true);
    expect(store.conditionFields().map((f) => f.name)).toEqual(['severity', 'dueAt', 'var.round', 'event.satisfied']);
    expect(store.writableFields().map((f) => f.name)).toEqual(['dueAt', 'var.round']);
    expect(store.fieldType('severity')).toBe('Dictionary');
  });

  it('list and graph edit the same definition: a step added in the list is a node, an edge drawn sets next', async () => {
    const store = setup({});
    await store.load('d1');
    const id = store.addStep('Notify', 'deadline');
    expect(store.graph().edges.map((e) => `${e.source}->${e.target}`)).toEqual(['deadline->notify', 'notify->done']);
    store.connect(id, 'next', 'deadline');
    expect(store.model().steps.find((s) => s.id === id)!.next).toBe('deadline');
    expect(store.issues().map((i) => i.code)).toContain('workflow.loop_without_wait');
    expect(store.issueSteps().has('done')).toBe(true);
    store.removeStep(id);
    expect(store.graph().nodes.map((n) => n.id)).toEqual(['deadline', 'done']);
    expect(store.model().steps[0].next).toBe('deadline');
    store.link('deadline', null, 'done');
    store.moveNode('done', 300, 200);
    expect(store.layout().nodes).toEqual({ deadline: { x: 10, y: 10 }, done: { x: 300, y: 200 } });
    expect(store.dirty()).toBe(true);
  });

  it('saves with the concurrency stamp and reports a conflict on 409', async () => {
    const saveDraft = vi
      .fn()
      .mockResolvedValueOnce({ number: 2, concurrencyStamp: 's2' })
      .mockRejectedValueOnce(new HttpErrorResponse({ status: 409 }));
    const store = setup({ saveDraft });
    await store.load('d1');
    store.setName('deadline', 'Deadline by severity');
    expect(await store.save()).toBe(true);
    expect(saveDraft.mock.calls[0][1].concurrencyStamp).toBe('s1');
    expect(store.dirty()).toBe(false);
    store.setName('deadline', 'Other');
    expect(await store.save()).toBe(false);
    expect(saveDraft.mock.calls[1][1].concurrencyStamp).toBe('s2');
    expect(store.conflict()).toBe(true);
    expect(store.dirty()).toBe(true);
  });

  it('renaming a step keeps its position on the graph', async () => {
    const store = setup({});
    await store.load('d1');
    expect(store.renameStep('deadline', 'due')).toBe(true);
    expect(store.layout().nodes).toEqual({ due: { x: 10, y: 10 } });
    expect(store.model().startStepId).toBe('due');
    expect(store.renameStep('due', 'done')).toBe(false);
  });
});
