import { TestBed } from '@angular/core/testing';
import { BackgroundJobsHostService, BackgroundJobsService } from '../../../shared/api/generated';
import { JobStore } from './job.store';

describe('JobStore', () => {
  const page = { items: [], total: 0, totalIsLowerBound: false, page: 1, pageSize: 20 };

  function setup() {
    const tenant = { apiJobsGet: vi.fn().mockResolvedValue(page), apiJobsIdRetryPost: vi.fn().mockResolvedValue(undefined) };
    const host = { apiHostJobsGet: vi.fn().mockResolvedValue(page), apiHostJobsIdCancelPost: vi.fn().mockResolvedValue(undefined) };
    TestBed.configureTestingModule({
      providers: [JobStore, { provide: BackgroundJobsService, useValue: tenant }, { provide: BackgroundJobsHostService, useValue: host }],
    });
    return { store: TestBed.inject(JobStore), tenant, host };
  }

  it('shows incidents first and uses the API of its side', async () => {
    const { store, tenant, host } = setup();
    await store.init('tenant');
    expect(tenant.apiJobsGet).toHaveBeenCalledWith({ status: 'Incident', page: 1, pageSize: 20 });
    await store.filterStatus(null);
    expect(tenant.apiJobsGet).toHaveBeenLastCalledWith({ status: undefined, page: 1, pageSize: 20 });
    expect(host.apiHostJobsGet).not.toHaveBeenCalled();
  });

  it('retries and cancels through the side it shows', async () => {
    const { store, tenant, host } = setup();
    const job = { id: 'j1' } as never;
    await store.init('tenant');
    await store.retry(job);
    expect(tenant.apiJobsIdRetryPost).toHaveBeenCalledWith({ id: 'j1' });
    await store.init('host');
    await store.cancel(job);
    expect(host.apiHostJobsIdCancelPost).toHaveBeenCalledWith({ id: 'j1', tenantId: undefined });
  });

  it('lets the operator read and act on one tenant, wherever its database is', async () => {
    const { store, host } = setup();
    await store.init('host');
    await store.filterTenant('t1');
    expect(host.apiHostJobsGet).toHaveBeenLastCalledWith({ status: 'Incident', page: 1, pageSize: 20, tenantId: 't1' });
    await store.cancel({ id: 'j2' } as never);
    expect(host.apiHostJobsIdCancelPost).toHaveBeenCalledWith({ id: 'j2', tenantId: 't1' });
    await store.filterTenant(null);
    expect(host.apiHostJobsGet).toHaveBeenLastCalledWith({ status: 'Incident', page: 1, pageSize: 20, tenantId: undefined });
  });
});
