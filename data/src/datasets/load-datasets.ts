// Loading the reference events and the demo data set: each in one transaction, idempotent (a
// `dataset_loads` row records what was loaded), checked row for row before commit.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  areas,
  companies,
  companySites,
  datasetLoads,
  enforcementActions,
  entryPoints,
  lodgings,
  meetings,
  movements,
  officeWorkAreas,
  offices,
  operationTargetPeople,
  operationTargets,
  operations,
  people,
  permitApplications,
  permits,
  personPassports,
  queryOne,
  queryRows,
  regionalOffices,
  reports,
  riskAreas,
  sql,
  expectWritten,
  type Database,
  type Orm,
} from '@pantau/db';
import type { RiskAreaRecord } from '@pantau/domain';
import { findBoundariesDir } from '../boundaries/find-boundaries.js';
import { loadGeography } from '../demo/geography.js';
import { generateDemo } from '../demo/generate-demo.js';
import type { ReferenceStatistics } from '../demo/profiles.js';
import {
  readReferenceEvents,
  referenceCompanies,
  referenceCompanySites,
  referenceMeetings,
  referenceOffices,
  referenceOperations,
  referencePins,
  referenceRiskAreas,
} from '../reference/reference-events.js';
import {
  writeCompanies,
  writeCompanySites,
  writeEntryPoints,
  writeMeetings,
  writeOffices,
  writeOperations,
  writePermits,
  writeRegionalOffices,
  writeReports,
  writeRiskAreas,
  writePeople,
  writePermitApplications,
  writeMovements,
  writeLodgings,
  writeTargetPeople,
  writeDemoOracle,
} from '../write/index.js';
import { referencePeople } from '../demo/lebong-workers.js';
import { Random } from '../demo/random.js';

/** Bump when the generator changes, so that `pnpm start` regenerates stale demo data. */
export const DEMO_GENERATOR_VERSION = 10;
export const REFERENCE_LOADER_VERSION = 2;

type Log = (line: string) => void;

export interface ReferenceOptions {
  referenceDir: string;
  log?: Log;
}
export interface DemoLoadOptions {
  seed: number;
  scale: number;
  referenceDir: string;
  boundariesDir?: string;
  log?: Log;
}

/** Tables holding rows with an `origin`, children first (the order rows are deleted in). */
const ORIGIN_TABLES = [
  enforcementActions,
  operationTargetPeople,
  operationTargets,
  operations,
  lodgings,
  movements,
  permitApplications,
  permits,
  personPassports,
  people,
  companySites,
  companies,
  riskAreas,
  entryPoints,
  meetings,
  reports,
  offices,
  regionalOffices,
] as const;

async function deleteOrigin(tx: Orm, origin: string): Promise<void> {
  for (const table of ORIGIN_TABLES) await tx.execute(sql`delete from ${table} where origin = ${origin}`);
}

async function loadedParams(db: Orm, name: string): Promise<Record<string, unknown> | null> {
  const row = await queryOne<{ params: Record<string, unknown> | string }>(db, sql`select params from ${datasetLoads} where name = ${name}`);
  if (!row) return null;
  return typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
}

async function recordLoad(tx: Orm, name: string, params: Record<string, unknown>, counts: Record<string, number>): Promise<void> {
  const loadedAt = new Date().toISOString();
  await tx.insert(datasetLoads).values({ name, params, counts, loadedAt }).onConflictDoUpdate({ target: datasetLoads.name, set: { params, counts, loadedAt } });
}

async function labelOfRegencies(tx: Orm): Promise<Map<string, [number, number]>> {
  const rows = await queryRows<{ code: string; lng: number; lat: number }>(
    tx,
    sql`select code, ST_X(label) as lng, ST_Y(label) as lat from ${areas} where level = 'regency'`,
  );
  return new Map(rows.map((r) => [r.code, [Number(r.lng), Number(r.lat)]]));
}

export async function loadReference(database: Database, options: ReferenceOptions): Promise<{ skipped: boolean; counts: Record<string, number> }> {
  const log = options.log ?? (() => {});
  const events = readReferenceEvents(resolve(options.referenceDir, 'reference-events.json'));
  const params = { version: REFERENCE_LOADER_VERSION };
  const previous = await loadedParams(database.orm, 'reference');
  if (previous?.version === REFERENCE_LOADER_VERSION) {
    log('reference events: already loaded');
    return { skipped: true, counts: {} };
  }
  const counts = await database.orm.transaction(async (tx) => {
    await deleteOrigin(tx, 'reference');
    const labels = await labelOfRegencies(tx);
    const labelOf = (code: string) => {
      const label = labels.get(code);
      if (!label) throw new Error(`reference-events.json names regency ${code}, which the boundaries do not have`);
      return label;
    };
    const officeRecords = referenceOffices(events);
    await writeOffices(tx, officeRecords);
    const officeKeyOfRegency = (code: string) => officeRecords.find((o) => o.workAreaCodes.includes(code))?.key ?? null;
    const companyIds = await writeCompanies(tx, referenceCompanies(events));
    await writeCompanySites(tx, referenceCompanySites(events, labelOf), companyIds);
    const ops = await writeOperations(tx, referenceOperations(events, officeKeyOfRegency, labelOf));
    const meetingCount = await writeMeetings(tx, referenceMeetings(events));
    const shapes = new Map<string, RiskAreaRecord['geometry']>();
    for (const code of new Set(events.meetings.map((m) => m.regency_code))) {
      const row = await queryOne<{ g: string }>(tx, sql`select ST_AsGeoJSON(geom, 6) as g from ${areas} where code = ${code}`);
      if (row) shapes.set(code, JSON.parse(row.g));
    }
    const riskCount = await writeRiskAreas(
      tx,
      referenceRiskAreas(events, (code) => {
        const shape = shapes.get(code);
        if (!shape) throw new Error(`reference-events.json names regency ${code}, which the boundaries do not have`);
        return shape;
      }),
    );
    const counts = {
      offices: officeRecords.length,
      companies: companyIds.size,
      operations: ops.operations,
      targets: ops.targets,
      meetings: meetingCount,
      riskAreas: riskCount,
    };
    await recordLoad(tx, 'reference', params, counts);
    return counts;
  });
  log(
    `reference events: ${counts.offices} offices, ${counts.meetings} meetings, ${counts.operations} operations, ${counts.companies} companies, ${counts.riskAreas} risk areas`,
  );
  return { skipped: false, counts };
}

export async function loadDemo(database: Database, options: DemoLoadOptions): Promise<{ skipped: boolean; counts: Record<string, number> }> {
  const log = options.log ?? (() => {});
  const params = { seed: options.seed, scale: options.scale, version: DEMO_GENERATOR_VERSION };
  const previous = await loadedParams(database.orm, 'demo');
  if (previous && previous.seed === params.seed && previous.scale === params.scale && previous.version === params.version) {
    log(`demo data: already loaded (seed ${params.seed}, scale ${params.scale})`);
    return { skipped: true, counts: {} };
  }
  const events = readReferenceEvents(resolve(options.referenceDir, 'reference-events.json'));
  const stats = JSON.parse(readFileSync(resolve(options.referenceDir, 'reference-statistics.json'), 'utf8')) as ReferenceStatistics;
  const boundariesDir = findBoundariesDir(options.boundariesDir);
  const counts = await database.orm.transaction(async (tx) => {
    await deleteOrigin(tx, 'demo');
    const geo = await loadGeography(tx, boundariesDir);
    const covered = await queryRows<{ regency_code: string }>(tx, sql`select distinct regency_code from ${officeWorkAreas}`);
    const demo = generateDemo(geo, stats, {
      seed: options.seed,
      scale: options.scale,
      coveredRegencies: new Set(covered.map((r) => r.regency_code)),
      pins: referencePins(events),
    });
    log(`demo data: generating with seed ${options.seed}, scale ${options.scale}`);
    await writeRegionalOffices(tx, demo.regionalOffices);
    await writeOffices(tx, demo.offices);
    const companyIds = await writeCompanies(tx, demo.companies);
    const siteCount = await writeCompanySites(tx, demo.sites, companyIds);
    log(`demo data: ${companyIds.size} companies, ${siteCount} sites`);
    // Entry points first: arrivals and departures pass through them.
    const entryCount = await writeEntryPoints(tx, demo.entryPoints, (names) =>
      log(`demo data: entry points outside every area (over 25 km away), left without an area: ${names.join(', ')}`),
    );
    let permitCount = 0;
    const history = { people: 0, applications: 0, movements: 0, lodgings: 0, targetPeople: 0 };
    for (const chunk of demo.historyChunks()) {
      const personIds = await writePeople(tx, chunk.people);
      history.people += personIds.size;
      permitCount += await writePermits(tx, chunk.permits, companyIds, personIds);
      history.applications += await writePermitApplications(tx, chunk.applications, personIds, companyIds);
      history.movements += await writeMovements(tx, chunk.movements, personIds);
      log(`demo data: permits ${permitCount}/${demo.expected.permits}`);
    }
    // The people of the reference operations' targets (the 11 workers at Hotel Asri, Lebong, 2016-11-17).
    const known = referencePeople(
      events,
      new Random(options.seed).fork('reference-people'),
      demo.entryPoints.find((e) => /Fatmawati/.test(e.name))?.key ?? null,
    );
    const knownIds = await writePeople(tx, known.people);
    history.people += knownIds.size;
    permitCount += await writePermits(tx, known.permits, undefined, knownIds);
    history.applications += await writePermitApplications(tx, known.applications, knownIds);
    history.movements += await writeMovements(tx, known.movements, knownIds);
    history.lodgings += await writeLodgings(tx, known.lodgings, knownIds);
    history.targetPeople += await writeTargetPeople(tx, known.targetLinks, knownIds);
    const riskCount = await writeRiskAreas(tx, demo.riskAreas);
    const ops = await writeOperations(tx, demo.operations);
    const meetingCount = await writeMeetings(tx, demo.meetings);
    const reportCount = await writeReports(tx, demo.reports);
    // The oracle view (issue 23): replaces the previous demo's rows.
    const oracleCount = await writeDemoOracle(tx, demo.oracle);
    const counts = {
      companies: companyIds.size,
      sites: siteCount,
      permits: permitCount,
      ...history,
      riskAreas: riskCount,
      entryPoints: entryCount,
      operations: ops.operations,
      targets: ops.targets,
      actions: ops.actions,
      meetings: meetingCount,
      reports: reportCount,
      oracle: oracleCount,
    };
    // The final check, as the database sees it inside the transaction.
    const stored = await queryOne<{ n: number }>(tx, sql`select count(*)::int as n from ${permits} where origin = 'demo'`);
    expectWritten('demo permits', permitCount, Number(stored?.n ?? 0));
    await recordLoad(tx, 'demo', params, counts);
    return counts;
  });
  // Statistics for the planner: a bulk load leaves the tables without any until autovacuum's analyze comes
  // round (never where autovacuum is off), and without them the planner guesses — at scale 10 a search's
  // company lookup walked company_sites in id order for every match (10 s) instead of using its index.
  await database.orm.execute(sql`analyze`);
  log(
    `demo data: ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  return { skipped: false, counts };
}
