import type { CatalogRecordType, InstanceSummary } from '../model/api';
import { currentStepLabel, definitionLabel, recordTypeLabel, stepTitle } from './instance-labels';

describe('workflow instance list columns', () => {
  const instance = (extra: Partial<InstanceSummary> = {}): InstanceSummary => ({
    id: 'i1', definitionId: 'd1', definitionName: 'Complaint escalation', definitionNameZh: '客诉升级处理', version: 1,
    recordType: 'complaint', recordTypeName: 'Complaint', recordTypeNameZh: '客诉', recordId: 'r1', recordTitle: 'C-1 冰箱不制冷',
    status: 'Waiting', currentStepId: 'wait-reply', currentStepName: 'Reply or deadline', currentStepNameZh: '等待答复或到期',
    startedAt: '2026-11-23T08:00:00Z', ...extra,
  });
  const catalog: CatalogRecordType[] = [{ name: 'ticket', displayName: { en: 'Ticket', zh: '工单' }, fields: [], events: [] }];

  it('reads the workflow, record type and current step by their names in each language', () => {
    expect([definitionLabel('en-US', instance()), recordTypeLabel('en-US', instance()), currentStepLabel('en-US', instance())])
      .toEqual(['Complaint escalation', 'Complaint', 'Reply or deadline']);
    expect([definitionLabel('zh-CN', instance()), recordTypeLabel('zh-CN', instance()), currentStepLabel('zh-CN', instance())])
      .toEqual(['客诉升级处理', '客诉', '等待答复或到期']);
  });

  it('falls back to the English name where no Chinese one was given', () => {
    const plain = instance({ definitionNameZh: null, currentStepNameZh: null });
    expect(definitionLabel('zh-CN', plain)).toBe('Complaint escalation');
    expect(currentStepLabel('zh-CN', plain)).toBe('Reply or deadline');
  });

  it('takes a record type name from the catalogue when the server sent none, else shows the type as stored', () => {
    const older = instance({ recordType: 'ticket', recordTypeName: null, recordTypeNameZh: null });
    expect(recordTypeLabel('zh-CN', older, catalog)).toBe('工单');
    expect(recordTypeLabel('en-US', older)).toBe('ticket');
    expect(recordTypeLabel('en-US', instance({ recordType: null, recordTypeName: null, recordTypeNameZh: null }))).toBe('—');
  });

  it('shows a step id only for a step without a title, and a dash without a step', () => {
    expect(stepTitle('en-US', { stepId: 'wait-claim' })).toBe('wait-claim');
    expect(currentStepLabel('en-US', instance({ currentStepId: null, currentStepName: null, currentStepNameZh: null }))).toBe('—');
  });
});
