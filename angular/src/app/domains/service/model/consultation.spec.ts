import { describe, expect, it } from 'vitest';
import { Consultation, consultationActions, consultationQuery, DEFAULT_CONSULTATION_SORT, EMPTY_CONSULTATION_FILTER } from './consultation';

describe('consultation model', () => {
  it('builds the list query from filter, sort and page', () => {
    const q = consultationQuery({ ...EMPTY_CONSULTATION_FILTER, view: 'department', status: ['Transferred'], overdue: true, search: ' 冰箱 ' }, DEFAULT_CONSULTATION_SORT, 2, 20);
    expect(q).toEqual({ Sort: '-createdAt', Page: 2, PageSize: 20, View: 'department', Search: '冰箱', Status: ['Transferred'], Overdue: true });
  });

  it('offers the department answer to the department and the reply to the originator', () => {
    const c = { status: 'Transferred', createdBy: 'me', departmentId: 'd1', assigneeId: 'head' } as Consultation;
    expect(consultationActions(c, 'me', false)).toEqual({ answer: false, transfer: true, departmentAnswer: false });
    expect(consultationActions(c, 'other', false).departmentAnswer).toBe(true);
    expect(consultationActions({ ...c, status: 'DepartmentAnswered' }, 'me', false).answer).toBe(true);
  });
});
