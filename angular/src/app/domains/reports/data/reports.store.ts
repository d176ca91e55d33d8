import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { PeriodUnit, presetRange, RangePreset, ReportDefinition, ReportRequest, ReportResult } from '../model/report';
import { ReportsApi } from './reports-api';

export interface ReportsState {
  definitions: ReportDefinition[];
  reportKey: string | null;
  preset: RangePreset;
  custom: [Date, Date] | null;
  groupBy: string;
  period: PeriodUnit;
  filters: Record<string, string>;
  result: ReportResult | null;
  loading: boolean;
  exporting: boolean;
}

/** The reports page: which report, range, grouping and filters, and the figures last loaded. */
export const ReportsStore = signalStore(
  withState<ReportsState>({
    definitions: [], reportKey: null, preset: 'thisMonth', custom: null, groupBy: 'period', period: 'day', filters: {}, result: null, loading: false, exporting: false,
  }),
  withComputed((store) => ({
    definition: computed(() => store.definitions().find((d) => d.key === store.reportKey()) ?? null),
    request: computed<ReportRequest | null>(() => {
      const range = presetRange(store.preset(), new Date(), store.custom());
      return range ? { ...range, groupBy: store.groupBy(), period: store.groupBy() === 'period' ? store.period() : null, filters: store.filters() } : null;
    }),
  })),
  withMethods((store, api = inject(ReportsApi)) => {
    async function load(): Promise<void> {
      const key = store.reportKey();
      const request = store.request();
      if (!key || !request) return;
      patchState(store, { loading: true });
      try {
        patchState(store, { result: await api.run(key, request), loading: false });
      } catch (error) {
        patchState(store, { result: null, loading: false });
        throw error;
      }
    }
    return {
      load,
      async init(): Promise<void> {
        const definitions = await api.list();
        // Ticket volumes are what most visitors come for; other reports are one click away.
        patchState(store, { definitions, reportKey: (definitions.find((d) => d.key === 'tickets') ?? definitions[0])?.key ?? null });
        await load();
      },
      choose(reportKey: string): Promise<void> {
        patchState(store, { reportKey, groupBy: 'period', filters: {}, result: null });
        return load();
      },
      setRange(preset: RangePreset, custom: [Date, Date] | null = null): Promise<void> {
        patchState(store, { preset, custom });
        return load();
      },
      setGroupBy(groupBy: string): Promise<void> {
        patchState(store, { groupBy });
        return load();
      },
      setPeriod(period: PeriodUnit): Promise<void> {
        patchState(store, { period });
        return load();
      },
      setFilter(dimension: string, value: string | null): Promise<void> {
        const filters = { ...store.filters() };
        if (value) filters[dimension] = value;
        else delete filters[dimension];
        patchState(store, { filters });
        return load();
      },
      /** Downloads the report as an Excel file; false when there is no report to export. */
      async export(): Promise<boolean> {
        const key = store.reportKey();
        const request = store.request();
        if (!key || !request) return false;
        patchState(store, { exporting: true });
        try {
          await api.export(key, request);
          return true;
        } finally {
          patchState(store, { exporting: false });
        }
      },
    };
  }),
);
