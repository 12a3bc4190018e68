// The demo's oracle view (issue 23): each ranked regency-month's places with their true chance of a
// violation (data/src/demo/oracle.ts), validated and written in the demo load's transaction.
import { demoOracle, sql, withRows, type BulkColumn, type Orm } from '@pantau/db';
import { z } from 'zod';
import { writeChunks } from './chunks.js';
import { validateRecords } from './validate.js';

const CHUNK = 10_000;

export const demoOracleRecord = z.object({
  month: z.string().regex(/^\d{4}-\d{2}-01$/, 'the first day of a month, YYYY-MM-01'),
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'a regency code such as 19.04'),
  placeKey: z.string().min(1),
  chance: z.number().min(0).max(1),
});
export type DemoOracleRecord = z.infer<typeof demoOracleRecord>;

const COLUMNS: readonly BulkColumn[] = [
  { name: 'month', type: 'date' },
  { name: 'regency_code', type: 'text' },
  { name: 'place_key', type: 'text' },
  { name: 'chance', type: 'real' },
];

/** Replaces the oracle's rows with `records` (the demo's own: the table holds nothing else). */
export async function writeDemoOracle(tx: Orm, records: readonly DemoOracleRecord[]): Promise<number> {
  const valid = validateRecords('demo oracle', demoOracleRecord, records);
  await tx.execute(sql`delete from ${demoOracle}`);
  return writeChunks(
    'demo oracle',
    valid.map((r) => ({ month: r.month, regency_code: r.regencyCode, place_key: r.placeKey, chance: r.chance })),
    CHUNK,
    async (chunk) =>
      (
        await withRows(
          tx,
          COLUMNS,
          chunk,
          (source) => sql`insert into ${demoOracle} (month, regency_code, place_key, chance)
            select r.month, r.regency_code, r.place_key, r.chance from ${source} returning 1`,
        )
      ).length,
  );
}
