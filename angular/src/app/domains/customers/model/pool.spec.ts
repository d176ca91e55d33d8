import { claimRefusal, cleanRules, usage } from './pool';

describe('pool claim refusals', () => {
  const date = (iso: string) => iso.slice(0, 10);

  it('reads held and daily limits with the numbers from detail', () => {
    expect(claimRefusal({ status: 409, code: 'pool.limit_held', detail: '50/50' }, date)).toEqual({ key: 'customers.pool.claimError.limit_held', params: { count: '50', max: '50' } });
    expect(claimRefusal({ status: 409, code: 'pool.limit_daily', detail: '5/5' }, date)).toEqual({ key: 'customers.pool.claimError.limit_daily', params: { count: '5', max: '5' } });
  });

  it('reads the cooldown date and an already claimed customer', () => {
    expect(claimRefusal({ status: 409, code: 'pool.cooldown', detail: '2030-05-01T00:00:00.0000000Z' }, date)?.params).toEqual({ date: '2030-05-01' });
    expect(claimRefusal({ status: 409, code: 'pool.already_claimed' }, date)?.key).toBe('customers.pool.claimError.already_claimed');
  });

  it('leaves other failures to the general problem message', () => {
    expect(claimRefusal({ status: 404, code: 'not_found' }, date)).toBeNull();
  });

  it('shows usage against a limit, and rules without numbers or repeated levels are dropped', () => {
    expect(usage(3, 50)).toBe('3 / 50');
    expect(usage('3', null)).toBe('3');
    expect(
      cleanRules([
        { levelCode: 'a', daysWithoutFollowUp: 30, daysWithoutDeal: null },
        { levelCode: 'a', daysWithoutFollowUp: 10, daysWithoutDeal: null },
        { levelCode: 'b', daysWithoutFollowUp: null, daysWithoutDeal: null },
      ]),
    ).toEqual([{ levelCode: 'a', daysWithoutFollowUp: 30, daysWithoutDeal: null }]);
  });
});
