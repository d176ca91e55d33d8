import { canRate, statusColor } from './portal';

describe('portal model', () => {
  it('rates only resolved or closed requests', () => {
    expect(canRate({ status: 'Resolved' })).toBe(true);
    expect(canRate({ status: 'Closed' })).toBe(true);
    expect(canRate({ status: 'InProgress' })).toBe(false);
  });

  it('colours waiting requests orange', () => {
    expect(statusColor('WaitingForCustomer')).toBe('orange');
    expect(statusColor('New')).toBe('blue');
  });
});
