import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { BackgroundJobsHostService, BackgroundJobsService } from '../../../shared/api/generated';
import { Job, JobScope, JobStatus } from '../model/job';

export interface JobState {
  scope: JobScope;
  items: Job[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  status: JobStatus | null;
  /** The operator's choice: one tenant's jobs (in its own database when it has one), or null for the host database's. */
  tenantId: string | null;
  loading: boolean;
  failed: boolean;
}

/** Background jobs and incidents, with retry and cancel. */
export const JobStore = signalStore(
  withState<JobState>({ scope: 'tenant', items: [], total: 0, totalIsLowerBound: false, page: 1, pageSize: 20, status: 'Incident', tenantId: null, loading: false, failed: false }),
  withMethods((store, tenantApi = inject(BackgroundJobsService), hostApi = inject(BackgroundJobsHostService)) => {
    async function load(): Promise<void> {
      patchState(store, { loading: true, failed: false });
      const params = { status: store.status() ?? undefined, page: store.page(), pageSize: store.pageSize() };
      try {
        const page = store.scope() === 'host' ? await hostApi.apiHostJobsGet({ ...params, tenantId: store.tenantId() ?? undefined }) : await tenantApi.apiJobsGet(params);
        patchState(store, { items: page.items, total: Number(page.total), totalIsLowerBound: page.totalIsLowerBound, loading: false });
      } catch (error) {
        patchState(store, { loading: false, failed: true });
        throw error;
      }
    }
    return {
      load,
      init(scope: JobScope): Promise<void> {
        patchState(store, { scope });
        return load();
      },
      filterStatus(status: JobStatus | null): Promise<void> {
        patchState(store, { status, page: 1 });
        return load();
      },
      filterTenant(tenantId: string | null): Promise<void> {
        patchState(store, { tenantId, page: 1 });
        return load();
      },
      changePage(page: number, pageSize: number): Promise<void> {
        patchState(store, { page: pageSize === store.pageSize() ? page : 1, pageSize });
        return load();
      },
      async retry(job: Job): Promise<void> {
        if (store.scope() === 'host') await hostApi.apiHostJobsIdRetryPost({ id: job.id, tenantId: store.tenantId() ?? undefined });
        else await tenantApi.apiJobsIdRetryPost({ id: job.id });
        await load();
      },
      async cancel(job: Job): Promise<void> {
        if (store.scope() === 'host') await hostApi.apiHostJobsIdCancelPost({ id: job.id, tenantId: store.tenantId() ?? undefined });
        else await tenantApi.apiJobsIdCancelPost({ id: job.id });
        await load();
      },
    };
  }),
);
