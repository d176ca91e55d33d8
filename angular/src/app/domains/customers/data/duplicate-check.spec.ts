import { TestBed } from '@angular/core/testing';
import { CustomersService } from '../../../shared/api/generated';
import { DUPLICATE_CHECK_DELAY_MS, DuplicateCheck } from './duplicate-check';

describe('DuplicateCheck', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(get: ReturnType<typeof vi.fn>) {
    TestBed.configureTestingModule({ providers: [DuplicateCheck, { provide: CustomersService, useValue: { apiCustomersDuplicatesGet: get } }] });
    return TestBed.inject(DuplicateCheck);
  }

  it('asks the server once, after typing pauses, for the latest input', async () => {
    const match = { id: '1', name: 'Acme Ltd', ownerId: 'u', ownerName: 'Li', inPool: false, matchedOn: ['name'], canOpen: true };
    const get = vi.fn().mockResolvedValue([match]);
    const check = setup(get);
    check.probe({ name: 'Ac', phones: [], emails: [] });
    await vi.advanceTimersByTimeAsync(100);
    check.probe({ name: 'Acm', phones: [], emails: [] });
    await vi.advanceTimersByTimeAsync(100);
    check.probe({ name: 'Acme Ltd ', phones: ['138 0000'], emails: [] });
    await vi.advanceTimersByTimeAsync(DUPLICATE_CHECK_DELAY_MS - 1);
    expect(get).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith({ name: 'Acme Ltd', phone: ['138 0000'], email: undefined, excludeId: undefined });
    expect(check.matches()).toEqual([match]);
  });

  it('does not ask for a one-letter name, and clears the warning', async () => {
    const get = vi.fn().mockResolvedValue([{ id: '1' }]);
    const check = setup(get);
    check.probe({ name: 'A', phones: [], emails: [] });
    await vi.advanceTimersByTimeAsync(DUPLICATE_CHECK_DELAY_MS);
    expect(get).not.toHaveBeenCalled();
    expect(check.matches()).toEqual([]);
  });

  it('keeps the form usable when the check fails', async () => {
    const check = setup(vi.fn().mockRejectedValue(new Error('500')));
    check.probe({ name: 'Acme', phones: [], emails: [], excludeId: 'c1' });
    await vi.advanceTimersByTimeAsync(DUPLICATE_CHECK_DELAY_MS);
    expect(check.matches()).toEqual([]);
    expect(check.checking()).toBe(false);
  });
});
