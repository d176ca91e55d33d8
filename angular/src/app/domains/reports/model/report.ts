// Service reports (V11): the API's shapes, and the pure logic of the page (ranges, query, formatting, chart).
import type {
  ApiServiceReportsKeyGet$Params,
  ReportDefinitionDto,
  ReportDimensionDto,
  ReportMeasureDto,
  ReportMeasureKind,
  ReportResultDto,
  ReportRowDto,
} from '../../../shared/api/generated';

export type MeasureKind = ReportMeasureKind;
export type ReportMeasure = ReportMeasureDto;
export type ReportDimension = ReportDimensionDto;
export type ReportDefinition = ReportDefinitionDto;
export type ReportRow = ReportRowDto;
export type ReportResult = ReportResultDto;

export type RangePreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'last12Months' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'last12Months', 'custom'];
export type PeriodUnit = 'day' | 'week' | 'month';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

export interface ReportRequest { from: string; to: string; groupBy: string; period: PeriodUnit | null; filters: Record<string, string> }

/** [from, to) of a preset in the browser's local calendar, as UTC ISO instants. */
export function presetRange(preset: RangePreset, now: Date, custom: [Date, Date] | null = null): { from: string; to: string } | null {
  const y = now.getFullYear();
  const m = now.getMonth();
  const iso = (d: Date) => d.toISOString();
  switch (preset) {
    case 'thisMonth':
      return { from: iso(new Date(y, m, 1)), to: iso(new Date(y, m + 1, 1)) };
    case 'lastMonth':
      return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 1)) };
    case 'thisQuarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: iso(new Date(y, q, 1)), to: iso(new Date(y, q + 3, 1)) };
    }
    case 'last12Months':
      return { from: iso(new Date(y, m - 11, 1)), to: iso(new Date(y, m + 1, 1)) };
    case 'custom':
      if (!custom) return null;
      return {
        from: iso(new Date(custom[0].getFullYear(), custom[0].getMonth(), custom[0].getDate())),
        to: iso(new Date(custom[1].getFullYear(), custom[1].getMonth(), custom[1].getDate() + 1)),
      };
  }
}

/** A report request as the generated operation's parameters (all but the report's key). */
export function reportParams(request: ReportRequest): Omit<ApiServiceReportsKeyGet$Params, 'key'> {
  const params: Omit<ApiServiceReportsKeyGet$Params, 'key'> = { From: request.from, To: request.to, GroupBy: request.groupBy };
  if (request.groupBy === 'period' && request.period) params.Period = request.period;
  return params;
}

/** The filters as `filter.<dimension>` query keys: the server reads them from the query, the OpenAPI document cannot name them. */
export function filterQuery(request: ReportRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.filters)) if (value) query[`filter.${key}`] = value;
  return query;
}

/** A figure for the table: durations as "1 h 30 min", percentages with %, scores with two decimals; null as "—". */
export function formatValue(kind: MeasureKind, value: number | string | null | undefined, language: string, units = { h: 'h', min: 'min' }): string {
  if (value === null || value === undefined) return '—';
  const n = Number(value);
  const num = (v: number, digits = 0) => v.toLocaleString(language, { maximumFractionDigits: digits });
  switch (kind) {
    case 'DurationMinutes': {
      const minutes = Math.round(n);
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      return hours > 0 ? `${num(hours)} ${units.h} ${rest} ${units.min}` : `${rest} ${units.min}`;
    }
    case 'Percent':
      return `${num(n, 1)}%`;
    case 'Score':
      return num(n, 2);
    case 'Money':
      return n.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    default:
      return num(n);
  }
}

/** Chart series: counts as bars; when the chosen measure is not a count it is drawn as a line on a second axis. */
export function chartOption(result: ReportResult, measureKeys: string[]): Record<string, unknown> {
  const measures = measureKeys.map((k) => result.measures.find((m) => m.key === k)).filter((m): m is ReportMeasure => !!m);
  const counts = measures.filter((m) => m.kind === 'Count');
  const others = measures.filter((m) => m.kind !== 'Count');
  const data = (m: ReportMeasure) => result.rows.map((r) => (r.values[m.key] === null || r.values[m.key] === undefined ? null : Number(r.values[m.key])));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: others.length ? 56 : 24, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: result.rows.map((r) => r.label) },
    yAxis: others.length ? [{ type: 'value', minInterval: 1 }, { type: 'value' }] : [{ type: 'value', minInterval: 1 }],
    series: [
      ...counts.map((m) => ({ name: m.name, type: 'bar', data: data(m), barMaxWidth: 36 })),
      ...others.map((m) => ({ name: m.name, type: 'line', yAxisIndex: 1, data: data(m), smooth: true, connectNulls: true })),
    ],
  };
}
