import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { ComplaintsService } from '../../../shared/api/generated';
import { ComplaintStatistics, periodRange, StatisticsPeriod } from '../model/complaint';

export interface ComplaintStatisticsState {
  period: StatisticsPeriod;
  custom: [Date, Date] | null;
  statistics: ComplaintStatistics | null;
  loading: boolean;
}

/** Complaint statistics (V6) of a period: by type, department and severity. */
export const ComplaintStatisticsStore = signalStore(
  withState<ComplaintStatisticsState>({ period: 'last30', custom: null, statistics: null, loading: false }),
  withMethods((store, api = inject(ComplaintsService)) => {
    async function load(): Promise<void> {
      const { from, to } = periodRange(store.period(), new Date(), store.custom());
      patchState(store, { loading: true });
      try {
        patchState(store, { statistics: await api.apiComplaintsStatisticsGet({ From: from ?? undefined, To: to ?? undefined }), loading: false });
      } catch (error) {
        patchState(store, { loading: false, statistics: null });
        throw error;
      }
    }
    return {
      load,
      setPeriod(period: StatisticsPeriod, custom: [Date, Date] | null = null): Promise<void> {
        patchState(store, { period, custom });
        return load();
      },
    };
  }),
);
