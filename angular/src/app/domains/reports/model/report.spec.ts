import { describe, expect, it } from 'vitest';
import { chartOption, filterQuery, formatValue, presetRange, reportParams, ReportResult } from './report';

describe('presetRange', () => {
  const now = new Date(2026, 10, 23, 15, 0); // 23 Nov 2026, local time
  it('cuts months and quarters in the local calendar', () => {
    expect(presetRange('thisMonth', now)).toEqual({ from: new Date(2026, 10, 1).toISOString(), to: new Date(2026, 11, 1).toISOString() });
    expect(presetRange('lastMonth', now)).toEqual({ from: new Date(2026, 9, 1).toISOString(), to: new Date(2026, 10, 1).toISOString() });
    expect(presetRange('thisQuarter', now)).toEqual({ from: new Date(2026, 9, 1).toISOString(), to: new Date(2027, 0, 1).toISOString() });
    expect(presetRange('last12Months', now)).toEqual({ from: new Date(2025, 11, 1).toISOString(), to: new Date(2026, 11, 1).toISOString() });
  });
  it('includes the last day of a custom range and needs one', () => {
    expect(presetRange('custom', now, [new Date(2026, 0, 5), new Date(2026, 0, 7)])).toEqual({ from: new Date(2026, 0, 5).toISOString(), to: new Date(2026, 0, 8).toISOString() });
    expect(presetRange('custom', now)).toBeNull();
  });
});

describe('reportParams and filterQuery', () => {
  it('send the period only when grouping by it, and name filters filter.<dimension>', () => {
    const byPerson = { from: 'a', to: 'b', groupBy: 'person', period: 'month' as const, filters: { category: 'repair', priority: '' } };
    expect(reportParams(byPerson)).toEqual({ From: 'a', To: 'b', GroupBy: 'person' });
    expect(filterQuery(byPerson)).toEqual({ 'filter.category': 'repair' });
    expect(reportParams({ from: 'a', to: 'b', groupBy: 'period', period: 'week', filters: {} })).toEqual({ From: 'a', To: 'b', GroupBy: 'period', Period: 'week' });
  });
});

describe('formatValue', () => {
  it('formats each kind of figure', () => {
    expect(formatValue('DurationMinutes', 90, 'en-US')).toBe('1 h 30 min');
    expect(formatValue('DurationMinutes', 45.4, 'en-US')).toBe('45 min');
    expect(formatValue('Percent', 66.7, 'en-US')).toBe('66.7%');
    expect(formatValue('Score', 4.5, 'en-US')).toBe('4.5');
    expect(formatValue('Count', 1200, 'en-US')).toBe('1,200');
    expect(formatValue('Count', null, 'en-US')).toBe('—');
  });
});

describe('chartOption', () => {
  const result = {
    key: 'tickets', name: 'Tickets', from: '', to: '', groupBy: 'person', period: null, timeZone: 'UTC', filters: {},
    measures: [{ key: 'created', name: 'Created', kind: 'Count' }, { key: 'slaCompliance', name: 'SLA', kind: 'Percent' }],
    rows: [{ key: 'a', label: 'Ann', values: { created: 2, slaCompliance: 50 } }, { key: 'b', label: 'Bob', values: { created: 1, slaCompliance: null } }],
    total: { key: 'total', label: 'Total', values: {} },
  } satisfies ReportResult;
  it('draws counts as bars and other figures as a line on a second axis', () => {
    const option = chartOption(result, ['created', 'slaCompliance']) as { xAxis: { data: string[] }; series: { type: string; data: (number | null)[]; yAxisIndex?: number }[] };
    expect(option.xAxis.data).toEqual(['Ann', 'Bob']);
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(option.series[1].data).toEqual([50, null]);
    expect(option.series[1].yAxisIndex).toBe(1);
  });
});
