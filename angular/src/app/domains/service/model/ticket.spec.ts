import { filesByComment, dueState, EMPTY_TICKET_FILTER, ticketActions, ticketDue, ticketQuery, targetStatus, DEFAULT_TICKET_SORT, activeTicketFilters } from './ticket';

const H = 3_600_000;
const now = Date.parse('2026-03-02T10:00:00Z');
const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();

describe('ticket list query', () => {
  it('maps filters to the API query, leaving out what is empty', () => {
    const q = ticketQuery(
      'all',
      { ...EMPTY_TICKET_FILTER, search: ' 空调 ', status: ['New', 'InProgress'], priority: ['urgent'], assigneeId: 'u1', overdue: true, createdFrom: '2026-03-01T00:00:00.000Z' },
      { field: 'resolutionDueAt', descending: false },
      2,
      50,
    );
    expect(q).toEqual({
      Search: '空调',
      Status: ['New', 'InProgress'],
      Priority: ['urgent'],
      AssigneeId: 'u1',
      Overdue: true,
      CreatedFrom: '2026-03-01T00:00:00.000Z',
      Sort: 'resolutionDueAt',
      Page: 2,
      PageSize: 50,
    });
  });

  it('names the view and drops the assignee filter outside "all"', () => {
    expect(ticketQuery('queue', { ...EMPTY_TICKET_FILTER, assigneeId: 'u1' }, DEFAULT_TICKET_SORT, 1, 20)).toEqual({ View: 'queue', Sort: '-createdAt', Page: 1, PageSize: 20 });
    expect(ticketQuery('mine', EMPTY_TICKET_FILTER, DEFAULT_TICKET_SORT, 1, 20).View).toBe('mine');
  });

  it('counts active filters, a created range as one', () => {
    expect(activeTicketFilters(EMPTY_TICKET_FILTER)).toBe(0);
    expect(activeTicketFilters({ ...EMPTY_TICKET_FILTER, category: ['repair'], createdFrom: 'a', createdTo: 'b', overdue: true })).toBe(3);
  });
});

describe('SLA due state', () => {
  it('is overdue once the due time has passed, and calm when the clock is done', () => {
    expect(dueState(iso(-1000), now)).toBe('overdue');
    expect(dueState(iso(-1000), now, true)).toBe('none');
    expect(dueState(null, now)).toBe('none');
  });

  it('warns within a quarter of the time given, at least 30 minutes and at most 4 hours ahead', () => {
    // 2-hour target created now-1h45m: window 30 min, 15 min left → due soon
    expect(dueState(iso(15 * 60_000), now, false, iso(-105 * 60_000))).toBe('dueSoon');
    // 2-hour target with 45 minutes left → still ok
    expect(dueState(iso(45 * 60_000), now, false, iso(-75 * 60_000))).toBe('ok');
    // 3-day target: window capped at 4 hours
    expect(dueState(iso(3 * H), now, false, iso(-69 * H))).toBe('dueSoon');
    expect(dueState(iso(5 * H), now, false, iso(-67 * H))).toBe('ok');
  });

  it('shows the response clock until the first response, then the resolution clock', () => {
    const row = { status: 'Assigned' as const, responseDueAt: iso(10 * 60_000), resolutionDueAt: iso(20 * H), firstRespondedAt: null, createdAt: iso(-H), isOverdue: false };
    expect(ticketDue(row, now)).toEqual({ kind: 'response', dueAt: row.responseDueAt, state: 'dueSoon' });
    expect(ticketDue({ ...row, firstRespondedAt: iso(-1000) }, now)).toEqual({ kind: 'resolution', dueAt: row.resolutionDueAt, state: 'ok' });
  });

  it('trusts the server while the clock is stopped (waiting for the customer) and hides it on closed tickets', () => {
    const row = { status: 'WaitingForCustomer' as const, responseDueAt: null, resolutionDueAt: iso(-H), firstRespondedAt: iso(-2 * H), createdAt: iso(-3 * H), isOverdue: false };
    expect(ticketDue(row, now)?.state).toBe('ok');
    expect(ticketDue({ ...row, isOverdue: true }, now)?.state).toBe('overdue');
    expect(ticketDue({ ...row, status: 'Closed' }, now)).toBeNull();
  });
});

describe('ticket actions', () => {
  const me = { userId: 'me', canManage: false, canAssign: false };
  const base = { satisfactionRating: null, assigneeId: 'me' };

  it('offers grab on an unassigned new ticket only', () => {
    expect(ticketActions({ ...base, status: 'New', assigneeId: null, allowedStatuses: ['Assigned', 'InProgress', 'Closed'] }, me)).toEqual(['grab']);
    expect(ticketActions({ ...base, status: 'New', assigneeId: 'other', allowedStatuses: ['Assigned', 'InProgress', 'Closed'] }, me)).not.toContain('grab');
  });

  it('lets the assignee accept, wait, resume and resolve in the allowed order', () => {
    expect(ticketActions({ ...base, status: 'Assigned', allowedStatuses: ['New', 'InProgress', 'Closed'] }, me)).toEqual(['accept', 'close', 'edit']);
    expect(ticketActions({ ...base, status: 'InProgress', allowedStatuses: ['WaitingForCustomer', 'Resolved'] }, me)).toEqual(['wait', 'resolve', 'edit']);
    expect(ticketActions({ ...base, status: 'WaitingForCustomer', allowedStatuses: ['InProgress', 'Resolved'] }, me)).toEqual(['resume', 'resolve', 'edit']);
  });

  it('offers close, reopen and rating after resolving, and only reopen after closing', () => {
    expect(ticketActions({ ...base, status: 'Resolved', allowedStatuses: ['Closed', 'InProgress'] }, me)).toEqual(['close', 'reopen', 'rate', 'edit']);
    expect(ticketActions({ ...base, status: 'Closed', allowedStatuses: ['InProgress'], satisfactionRating: 4 }, me)).toEqual(['reopen']);
  });

  it('hides work on others\' tickets without the manage permission, and assignment without the assign permission', () => {
    const others = { ...base, status: 'InProgress' as const, assigneeId: 'other', allowedStatuses: ['WaitingForCustomer', 'Resolved'] as ('WaitingForCustomer' | 'Resolved')[] };
    expect(ticketActions(others, me)).toEqual([]);
    expect(ticketActions(others, { ...me, canManage: true, canAssign: true })).toEqual(['wait', 'resolve', 'assign', 'edit']);
  });

  it('maps actions to the status they move to', () => {
    expect(targetStatus('reopen')).toBe('InProgress');
    expect(targetStatus('wait')).toBe('WaitingForCustomer');
    expect(targetStatus('close')).toBe('Closed');
    expect(targetStatus('assign')).toBeNull();
  });
});

describe('ticket files', () => {
  const file = (id: string, commentId: string | null) => ({ id, fileId: 'f' + id, fileName: id + '.csv', size: 10, addedBy: null, at: '2026-11-23T00:00:00Z', commentId });

  it('splits the ticket\'s own files from those of each comment, keeping their order', () => {
    const { own, byComment } = filesByComment([file('a', null), file('b', 'c1'), file('c', 'c2'), file('d', 'c1')]);
    expect(own.map((f) => f.id)).toEqual(['a']);
    expect(byComment.get('c1')!.map((f) => f.id)).toEqual(['b', 'd']);
    expect(byComment.get('c2')!.map((f) => f.id)).toEqual(['c']);
    expect(byComment.has('c3')).toBe(false);
  });
});
