import { activeFilterCount, channelsFlag, duplicateMatchesOf, EMPTY_FILTER, filterToQuery, queryToFilter } from './customer';

describe('customer list query', () => {
  it('maps filters to the API query string, leaving out what is empty', () => {
    const query = filterToQuery(
      {
        ...EMPTY_FILTER,
        scope: 'mine',
        name: ' 华为 ',
        ownerId: 'u1',
        level: ['a', 'b'],
        tag: ['vip'],
        nextFollowUpBefore: '2026-01-02T00:00:00.000Z',
        customFields: [
          { name: 'budget', op: 'gte', value: '100' },
          { name: 'region', op: 'in', value: 'north,south' },
          { name: 'empty', op: 'eq', value: '' },
        ],
      },
      'name',
    );
    const params = new URLSearchParams(query);
    expect(params.get('scope')).toBe('mine');
    expect(params.get('name')).toBe('华为');
    expect(params.get('ownerId')).toBe('u1');
    expect(params.getAll('level')).toEqual(['a', 'b']);
    expect(params.getAll('tag')).toEqual(['vip']);
    expect(params.get('nextFollowUpBefore')).toBe('2026-01-02T00:00:00.000Z');
    expect(params.get('cf.budget')).toBe('gte:100');
    expect(params.get('cf.region')).toBe('in:north,south');
    expect(params.has('cf.empty')).toBe(false);
    expect(params.has('departmentId')).toBe(false);
    expect(params.get('sort')).toBe('name');
  });

  it('sends nothing for the plain list (all customers, newest first)', () => {
    expect(filterToQuery(EMPTY_FILTER)).toBe('');
  });

  it('reads a saved query string back into the same filter and sort', () => {
    const filter = { ...EMPTY_FILTER, scope: 'service' as const, source: ['web'], lastFollowUpAfter: '2026-01-01T00:00:00.000Z', customFields: [{ name: 'budget', op: 'lt' as const, value: '5' }] };
    const back = queryToFilter(filterToQuery(filter, '-lastFollowUpAt'));
    expect(back.filter).toEqual(filter);
    expect(back.sort).toBe('-lastFollowUpAt');
    expect(queryToFilter('?cf.x=plain').filter.customFields).toEqual([{ name: 'x', op: 'eq', value: 'plain' }]);
  });

  it('counts the filters in use besides the scope', () => {
    expect(activeFilterCount({ ...EMPTY_FILTER, scope: 'mine' })).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTER, name: 'a', level: ['a'], customFields: [{ name: 'x', op: 'eq', value: '1' }] })).toBe(3);
  });
});

describe('customer helpers', () => {
  it('reads the matches of a duplicate problem and nothing else', () => {
    const match = { id: '1', name: 'Acme', ownerId: null, ownerName: 'Li', inPool: false, matchedOn: ['name'], canOpen: true };
    expect(duplicateMatchesOf({ code: 'customer.duplicate', matches: [match] })).toEqual([match]);
    expect(duplicateMatchesOf(JSON.stringify({ code: 'customer.duplicate', matches: [match] }))).toEqual([match]);
    expect(duplicateMatchesOf({ code: 'concurrency_conflict' })).toBeNull();
  });

  it('writes reminder channels as the API flags string', () => {
    expect(channelsFlag(['Sms', 'InApp'])).toBe('InApp, Sms');
    expect(channelsFlag([])).toBe('InApp');
  });
});
