/** Public pool: what a claim refusal means for the user, in words with the numbers the server sent. */
export interface ClaimRefusal {
  /** translation key under customers.pool.claimError */
  key: string;
  params: Record<string, string>;
}

const CLAIM_CODES = ['pool.already_claimed', 'pool.limit_held', 'pool.limit_daily', 'pool.cooldown'] as const;

/**
 * Reads a 409 of the claim endpoint: `pool.limit_held` / `pool.limit_daily` carry "count/max" in `detail`,
 * `pool.cooldown` the ISO date from which the customer may be taken back. Other failures are not a refusal (null).
 */
export function claimRefusal(problem: { status: number; code: string; detail?: string }, formatDate: (iso: string) => string): ClaimRefusal | null {
  if (!(CLAIM_CODES as readonly string[]).includes(problem.code)) return null;
  const key = 'customers.pool.claimError.' + problem.code.slice('pool.'.length);
  const detail = problem.detail ?? '';
  if (problem.code === 'pool.limit_held' || problem.code === 'pool.limit_daily') {
    const [count, max] = detail.split('/');
    return { key, params: { count: count ?? '?', max: max ?? '?' } };
  }
  if (problem.code === 'pool.cooldown') return { key, params: { date: detail ? formatDate(detail) : '?' } };
  return { key, params: {} };
}

/** "3 / 50" or "3" when the pool has no such limit. */
export function usage(used: number | string, limit: number | string | null | undefined): string {
  return limit === null || limit === undefined ? String(used) : `${used} / ${limit}`;
}

/** One row of a pool's release rules (a level, or every level when levelCode is null). */
export interface PoolRuleRow {
  levelCode: string | null;
  daysWithoutFollowUp: number | null;
  daysWithoutDeal: number | null;
}

/** Rules with at least one number; a level may appear once. */
export function cleanRules(rules: PoolRuleRow[]): PoolRuleRow[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    if (r.daysWithoutFollowUp === null && r.daysWithoutDeal === null) return false;
    const key = r.levelCode ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
