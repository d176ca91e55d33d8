import { TestBed } from '@angular/core/testing';
import { CustomersService, DepartmentsService, TicketsService, UsersService } from '../../../shared/api/generated';
import { TicketListStore } from './ticket-list.store';

describe('TicketListStore', () => {
  const page = (items: unknown[] = []) => ({ items, total: items.length, totalIsLowerBound: false, page: 1, pageSize: 20 });

  function setup(tickets: Record<string, unknown>) {
    TestBed.configureTestingModule({
      providers: [
        TicketListStore,
        { provide: TicketsService, useValue: tickets },
        { provide: CustomersService, useValue: {} },
        { provide: UsersService, useValue: { apiIdentityUsersLookupGet: vi.fn().mockResolvedValue([]) } },
        { provide: DepartmentsService, useValue: { apiDepartmentsGet: vi.fn().mockResolvedValue([]) } },
      ],
    });
    return TestBed.inject(TicketListStore);
  }

  it('asks for the queue view and applies filters from page one', async () => {
    const get = vi.fn().mockResolvedValue(page());
    const store = setup({ apiTicketsGet: get });
    await store.init('queue');
    expect(get).toHaveBeenLastCalledWith({ View: 'queue', Sort: '-createdAt', Page: 1, PageSize: 20 });
    await store.setPage(3);
    await store.applyFilter({ priority: ['urgent'], overdue: true });
    expect(get).toHaveBeenLastCalledWith({ View: 'queue', Priority: ['urgent'], Overdue: true, Sort: '-createdAt', Page: 1, PageSize: 20 });
  });

  it('reads the queue again after a lost grab race and passes the server\'s refusal on', async () => {
    const get = vi.fn().mockResolvedValueOnce(page([{ id: 't1' }])).mockResolvedValueOnce(page([]));
    const refusal = { status: 409, error: { code: 'ticket.already_taken', detail: 'Someone else took this ticket.' } };
    const store = setup({ apiTicketsGet: get, apiTicketsIdGrabPost: vi.fn().mockRejectedValue(refusal) });
    await store.init('queue');
    await expect(store.grab('t1')).rejects.toBe(refusal);
    expect(get).toHaveBeenCalledTimes(2);
    expect(store.items()).toEqual([]);
    expect(store.grabbing()).toBeNull();
  });
});
