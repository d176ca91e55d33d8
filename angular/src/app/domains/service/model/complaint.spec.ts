import { applyRoundFilter, complaintActions, complaintQuery, complaintTimeline, countdown, DEFAULT_COMPLAINT_SORT, EMPTY_COMPLAINT_FILTER, percent, periodRange } from './complaint';

describe('complaint list query', () => {
  it('maps the view and filters, leaving out what is empty', () => {
    expect(complaintQuery({ ...EMPTY_COMPLAINT_FILTER, view: 'department', type: ['quality'], severity: ['major'], departmentId: 'd1', overdue: true }, { field: 'deadline', descending: false }, 1, 20)).toEqual({
      View: 'department',
      Type: ['quality'],
      Severity: ['major'],
      DepartmentId: 'd1',
      Overdue: true,
      Sort: 'deadline',
      Page: 1,
      PageSize: 20,
    });
    expect(complaintQuery(EMPTY_COMPLAINT_FILTER, DEFAULT_COMPLAINT_SORT, 3, 50)).toEqual({ Sort: '-createdAt', Page: 3, PageSize: 50 });
  });

  it('keeps rounds 2+ when only reopened complaints are wanted', () => {
    const rows = [{ round: 1 }, { round: 2 }, { round: '3' }];
    expect(applyRoundFilter(rows, true)).toEqual([{ round: 2 }, { round: '3' }]);
    expect(applyRoundFilter(rows, false)).toHaveLength(3);
  });
});

describe('complaint deadline countdown', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it('counts days, hours and minutes left or overdue', () => {
    expect(countdown('2026-03-03T12:30:00Z', now)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 30 });
    expect(countdown('2026-03-02T09:15:00Z', now)).toEqual({ overdue: true, days: 0, hours: 0, minutes: 45 });
    expect(countdown(null, now)).toBeNull();
  });
});

describe('complaint actions', () => {
  const desk = { userId: 'desk', departmentIds: [], canManage: true };
  const dept = { userId: 'head', departmentIds: ['d1'], canManage: false };
  const c = (status: string, departmentId: string | null = 'd1') => ({ status, departmentId, assigneeId: null }) as never;

  it('lets the responsible department reply while the complaint waits for it', () => {
    expect(complaintActions(c('Transferred'), dept)).toEqual(['reply']);
    expect(complaintActions(c('Reopened'), dept)).toEqual(['reply']);
    expect(complaintActions(c('Replied'), dept)).toEqual([]);
    expect(complaintActions(c('Transferred', 'd2'), dept)).toEqual([]);
  });

  it('gives the service desk transfers, return visits, closing and reopening', () => {
    expect(complaintActions(c('New', null), desk)).toEqual(['transfer', 'reply', 'close']);
    expect(complaintActions(c('Replied'), desk)).toEqual(['transfer', 'returnVisit', 'close']);
    expect(complaintActions(c('ReturnVisitPending'), desk)).toEqual(['returnVisit', 'close']);
    expect(complaintActions(c('Closed'), desk)).toEqual(['reopen']);
  });
});

describe('complaint timeline', () => {
  it('merges transfers, replies and return visits in time order', () => {
    const entries = complaintTimeline({
      transfers: [{ id: 't', kind: 'Transfer', round: 1, at: '2026-03-01T08:00:00Z', toDepartmentName: 'QA', content: 'please check', fromDepartmentName: null, fromUserName: 'Desk' }],
      replies: [{ id: 'r', kind: 'Reply', round: 1, at: '2026-03-01T09:00:00Z', fromDepartmentName: 'QA', fromUserName: 'Li', content: 'fixed', onTime: true }],
      returnVisits: [{ id: 'v', round: 1, at: '2026-03-01T07:00:00Z', satisfied: false, rating: 2, visitorName: 'Desk', comment: 'no' }],
    } as never);
    expect(entries.map((e) => e.kind)).toEqual(['returnVisit', 'transfer', 'reply']);
    expect(entries[1].title).toBe('Desk → QA');
    expect(entries[2].onTime).toBe(true);
  });
});

describe('statistics period', () => {
  it('gives half-open ranges in local days', () => {
    const now = new Date(2026, 2, 15, 13, 0);
    const month = periodRange('thisMonth', now);
    expect(new Date(month.from!).getDate()).toBe(1);
    expect(new Date(month.to!).getMonth()).toBe(3);
    expect(periodRange('all', now)).toEqual({ from: null, to: null });
    const last7 = periodRange('last7', now);
    expect((Date.parse(last7.to!) - Date.parse(last7.from!)) / 86_400_000).toBe(7);
  });

  it('turns rates into percents and keeps "no data" apart from 0 %', () => {
    expect(percent(0.6667)).toBe(66.7);
    expect(percent(null)).toBeNull();
    expect(percent(0)).toBe(0);
  });
});
