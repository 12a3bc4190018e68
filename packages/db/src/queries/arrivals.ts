// Monthly arrivals (issue 20, "Arrivals trend"): movements of kind arrival of the people of an area, per
// entry point they came through and per regency they live in. Counts only: no person is named. A person
// belongs to the area of their latest permit (people.regency_code), the column row-level security scopes
// people (and so their movements) by, so both backends count the same rows.
import { sql } from 'drizzle-orm';
import type { AreaLevel, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { areaFilterColumn } from './permit-stats.js';
import { scopeCondition } from './scope.js';

export interface ArrivalSeries {
  total: number;
  arrivals: number[];
}
export interface AreaArrivals {
  /** YYYY-MM, oldest first; the last month counts up to and including asOf. */
  months: Array<{ month: string; arrivals: number }>;
  /** Per entry point (null key: not recorded), most arrivals first. */
  entryPoints: Array<ArrivalSeries & { key: string | null; name: string | null; kind: string | null }>;
  /** Per regency of the area, most arrivals first. */
  regencies: Array<ArrivalSeries & { code: string; name: string }>;
  /**
   * What the area's checkpoints counted themselves (imported monthly counts per entry point, all
   * nationalities, people or not in the register): per month and per entry point, most first. A month
   * counts whole once it has begun by asOf: the counts are monthly.
   */
  checkpoints: { months: number[]; entryPoints: Array<ArrivalSeries & { key: string; name: string; kind: string }> };
}

export async function monthlyArrivals(db: Executor, level: AreaLevel, code: string, asOf: string, months: number, scope: Scope): Promise<AreaArrivals> {
  const firstDay = sql`(date_trunc('month', ${asOf}::date) - make_interval(months => ${months - 1}))::date`;
  const monthRows = await queryRows<{ month: string }>(
    db,
    sql`
    select to_char(d, 'YYYY-MM') as month from generate_series(${firstDay}, date_trunc('month', ${asOf}::date), interval '1 month') as d order by d`,
  );
  const rows = await queryRows<{
    month: string;
    entry_key: string | null;
    entry_name: string | null;
    entry_kind: string | null;
    regency_code: string;
    regency_name: string | null;
    n: number;
  }>(
    db,
    sql`
    select to_char(m.date, 'YYYY-MM') as month, e.key as entry_key, e.name as entry_name, e.kind as entry_kind,
      x.regency_code, r.name as regency_name, count(*)::int as n
    from movements m
    join people x on x.id = m.person_id
    left join entry_points e on e.id = m.entry_point_id
    left join areas r on r.code = x.regency_code
    where m.direction = 'arrival' and m.date >= ${firstDay} and m.date <= ${asOf}::date
      and x.${areaFilterColumn(level)} = ${code} and ${scopeCondition(sql`x.regency_code`, scope)}
    group by 1, 2, 3, 4, 5, 6`,
  );
  const index = new Map(monthRows.map((r, i) => [r.month, i]));
  const totals = monthRows.map(() => 0);
  const entryPoints = new Map<string, AreaArrivals['entryPoints'][number]>();
  const regencies = new Map<string, AreaArrivals['regencies'][number]>();
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    const n = Number(r.n);
    totals[i]! += n;
    const entryId = r.entry_key ?? '';
    const entry = entryPoints.get(entryId) ?? { key: r.entry_key, name: r.entry_name, kind: r.entry_kind, total: 0, arrivals: monthRows.map(() => 0) };
    entry.total += n;
    entry.arrivals[i]! += n;
    entryPoints.set(entryId, entry);
    const regency = regencies.get(r.regency_code) ?? {
      code: r.regency_code,
      name: r.regency_name ?? r.regency_code,
      total: 0,
      arrivals: monthRows.map(() => 0),
    };
    regency.total += n;
    regency.arrivals[i]! += n;
    regencies.set(r.regency_code, regency);
  }
  const counted = await queryRows<{ month: string; entry_key: string; entry_name: string; entry_kind: string; n: number }>(
    db,
    sql`
    select to_char(mc.month, 'YYYY-MM') as month, e.key as entry_key, e.name as entry_name, e.kind as entry_kind, sum(mc.count)::int as n
    from movement_counts mc
    join entry_points e on e.id = mc.entry_point_id
    where mc.direction = 'arrival' and mc.month >= ${firstDay} and mc.month <= ${asOf}::date
      and mc.${areaFilterColumn(level)} = ${code} and ${scopeCondition(sql`mc.regency_code`, scope)}
    group by 1, 2, 3, 4`,
  );
  const checkpointTotals = monthRows.map(() => 0);
  const checkpoints = new Map<string, AreaArrivals['checkpoints']['entryPoints'][number]>();
  for (const r of counted) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    const n = Number(r.n);
    checkpointTotals[i]! += n;
    const entry = checkpoints.get(r.entry_key) ?? { key: r.entry_key, name: r.entry_name, kind: r.entry_kind, total: 0, arrivals: monthRows.map(() => 0) };
    entry.total += n;
    entry.arrivals[i]! += n;
    checkpoints.set(r.entry_key, entry);
  }
  const byTotal = <T extends { total: number }>(list: Iterable<T>, name: (t: T) => string) =>
    [...list].sort((a, b) => b.total - a.total || name(a).localeCompare(name(b)));
  return {
    months: monthRows.map((r, i) => ({ month: r.month, arrivals: totals[i]! })),
    entryPoints: byTotal(entryPoints.values(), (e) => e.name ?? '~'),
    regencies: byTotal(regencies.values(), (r) => r.code),
    checkpoints: { months: checkpointTotals, entryPoints: byTotal(checkpoints.values(), (e) => e.name) },
  };
}
