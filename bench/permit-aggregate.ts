// Issue 3: the permit aggregate by regency as of a date, through the HTTP API, against the bare SQL
// GROUP BY over the same rows, on the same database, in the same process. Issue 20: the API counts
// people (distinct holders, each under their strongest permit), so its fair baseline is the bare SQL
// count of distinct holders; the bare permit count is printed beside it to show what counting people costs.
// Issue 25: the API reads the pre-aggregate of people (migration 0017), so it must beat the bare GROUP BY
// over permits by 4× at p95, a scan that grows with every permit ever issued.
import { createApp } from '@pantau/api';
import { queryRows, sql, type Database } from '@pantau/db';
import { compare, ms, ratio } from './measure.js';
import { recordFigure } from './results.js';
import { benchSessionCookie } from './session.js';

const DATES = ['2019-03-31', '2020-06-30', '2021-09-30', '2022-12-31', '2023-06-13', '2024-06-13', '2025-01-31', '2026-06-30'];

export async function benchPermitAggregate(database: Database, rounds: number): Promise<{ p95Ratio: number }> {
  // Without the answer cache (response-cache.ts): every request reads the pre-aggregate, which is what
  // these targets are about. The cached answer is measured apart below.
  const app = createApp({ database, config: { trustProxy: false, logLevel: 'warn', apiCacheBytes: 0 }, clock: { now: () => new Date() }, log: () => {} });
  const cached = createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock: { now: () => new Date() }, log: () => {} });
  const cookie = await benchSessionCookie(database);
  const viaApi = async (i: number) => {
    const response = await app.request(`/api/v1/stats/permits?level=regency&asOf=${DATES[i % DATES.length]}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`API answered ${response.status}`);
    await response.json();
  };
  const bareGroupBy = async (i: number) => {
    const day = DATES[i % DATES.length]!;
    await queryRows(
      database.orm,
      sql`select regency_code, count(*)::int as n from permits
      where issued_on <= ${day}::date and expires_on > ${day}::date and (cancelled_on is null or cancelled_on > ${day}::date)
      group by regency_code`,
    );
  };
  const bareDistinctPeople = async (i: number) => {
    const day = DATES[i % DATES.length]!;
    await queryRows(
      database.orm,
      sql`select regency_code, count(distinct coalesce(person_id, -id))::int as n from permits
      where issued_on <= ${day}::date and expires_on > ${day}::date and (cancelled_on is null or cancelled_on > ${day}::date)
      group by regency_code`,
    );
  };
  const { candidate, baseline } = await compare(rounds, 3, viaApi, bareDistinctPeople);
  const people = await compare(rounds, 3, bareDistinctPeople, bareGroupBy);
  const overPermits = await compare(rounds, 3, viaApi, bareGroupBy);
  console.log(`permit aggregate by regency (${database.kind}), ${rounds} rounds over ${DATES.length} dates`);
  console.log(`  bare SQL, permits counted          p50 ${ms(people.baseline.p50)}  p95 ${ms(people.baseline.p95)}`);
  console.log(
    `  bare SQL, distinct people counted  p50 ${ms(people.candidate.p50)}  p95 ${ms(people.candidate.p95)}  (${ratio(people.candidate.p95, people.baseline.p95)} the permit count at p95)`,
  );
  console.log(`  bare SQL, people (paired run)      p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`);
  console.log(`  GET /stats/permits (people)        p50 ${ms(candidate.p50)}  p95 ${ms(candidate.p95)}`);
  console.log(
    `  ratio API / bare people            p50 ${ratio(candidate.p50, baseline.p50)}  p95 ${ratio(candidate.p95, baseline.p95)}  (target ≤ 1.30× at p95)`,
  );
  console.log(
    `  ratio API / bare GROUP BY permits  p50 ${ratio(overPermits.candidate.p50, overPermits.baseline.p50)}  p95 ${ratio(overPermits.candidate.p95, overPermits.baseline.p95)}  (target ≤ 0.25× at p95: the pre-aggregate of people)`,
  );
  // The same requests again and again through the answer cache: after the first round each is a hit
  // (one read of the data versions), as on a server whose users open the same screens.
  const viaCache = async (i: number) => {
    const response = await cached.request(`/api/v1/stats/permits?level=regency&asOf=${DATES[i % DATES.length]}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`API answered ${response.status}`);
    await response.json();
  };
  const warm = await compare(rounds, 3, viaCache, bareGroupBy);
  console.log(
    `  GET /stats/permits, answer cached   p50 ${ms(warm.candidate.p50)}  p95 ${ms(warm.candidate.p95)}  (${ratio(warm.candidate.p95, warm.baseline.p95)} the bare GROUP BY over permits at p95)`,
  );
  recordFigure({ bench: 'aggregate', name: 'GET /stats/permits, answer cached, p95', value: round(warm.candidate.p95), unit: 'ms' });
  const p95Ratio = candidate.p95 / baseline.p95;
  recordFigure({
    bench: 'aggregate',
    name: 'GET /stats/permits p95 / bare distinct-people GROUP BY p95',
    value: round(p95Ratio),
    unit: '×',
    target: { max: 1.3 },
  });
  recordFigure({
    bench: 'aggregate',
    name: 'GET /stats/permits p95 / bare GROUP BY over permits p95',
    value: round(overPermits.candidate.p95 / overPermits.baseline.p95),
    unit: '×',
    target: { max: 0.25 },
  });
  recordFigure({ bench: 'aggregate', name: 'GET /stats/permits p95', value: round(candidate.p95), unit: 'ms' });
  recordFigure({ bench: 'aggregate', name: 'bare GROUP BY over permits p95', value: round(overPermits.baseline.p95), unit: 'ms' });
  return { p95Ratio };
}

const round = (v: number) => Math.round(v * 100) / 100;
