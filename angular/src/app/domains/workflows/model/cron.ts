/**
 * Next-runs preview of a schedule trigger's cron (5 fields: minute hour day-of-month month day-of-week; `*`,
 * lists, ranges and steps). Shown as a hint only: the server (Cronos) is the judge; null when we cannot read it.
 * Times are computed in the browser's zone for the preview.
 */
function field(text: string, min: number, max: number): Set<number> | null {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part.trim());
    if (!m) return null;
    const from = m[1] === '*' ? min : Number(m[2]);
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function nextRuns(cron: string | null | undefined, from: Date, count = 5): Date[] | null {
  const parts = (cron ?? '').trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minutes, hours, days, months, weekdays] = [
    field(parts[0], 0, 59),
    field(parts[1], 0, 23),
    field(parts[2], 1, 31),
    field(parts[3], 1, 12),
    field(parts[4].replace(/\b7\b/, '0'), 0, 6),
  ];
  if (!minutes || !hours || !days || !months || !weekdays) return null;
  const anyDay = parts[2] === '*';
  const anyWeekday = parts[4] === '*';
  const runs: Date[] = [];
  const t = new Date(from.getTime());
  t.setSeconds(0, 0);
  t.setMinutes(t.getMinutes() + 1);
  // at most a year of minutes; enough for every cron a preview is meant for
  for (let i = 0; i < 527_040 && runs.length < count; i++) {
    const dayOk = anyDay && anyWeekday ? true : anyDay ? weekdays.has(t.getDay()) : anyWeekday ? days.has(t.getDate()) : days.has(t.getDate()) || weekdays.has(t.getDay());
    if (months.has(t.getMonth() + 1) && dayOk && hours.has(t.getHours()) && minutes.has(t.getMinutes())) runs.push(new Date(t.getTime()));
    t.setMinutes(t.getMinutes() + 1);
  }
  return runs;
}
