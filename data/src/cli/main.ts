// The `pantau` command line: `pnpm pantau <command> [options]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate, NATIONAL_SCOPE } from '@pantau/domain';
import { connect, datasetLoadRecords, DatabaseInUseError, HOLDER_COUNT_LEVELS, holderCountCheckDays, sql, verifyHolderCounts, type Database } from '@pantau/db';
import { BoundariesNotFoundError } from '../boundaries/find-boundaries.js';
import { loadBoundaries } from '../boundaries/load-boundaries.js';
import { ConfigError, loadConfig, processEnv, type Config } from '../config.js';
import { loadDemo, loadReference } from '../datasets/load-datasets.js';
import { RecordValidationError } from '../write/validate.js';
import { ImportFileError } from '../import/run-import.js';
import { TableReadError } from '../import/read/open-table.js';
import { importCommand } from './import-command.js';
import { AuditChainBrokenError, auditCommand, userCommand, UserCommandError } from './user-command.js';
import { tokenCommand } from './token-command.js';
import { AccountError } from '../accounts/users.js';
import { formatRates, formatTally, NothingToReplayError, runBacktest, tallies } from '../backtest/backtest.js';
import { BacktestOptionError, backtestReport, parseKList, parseRankingList } from '../backtest/backtest-command.js';
import type { RankingName } from '../backtest/rankings.js';
import { formatMetrics } from '../backtest/format.js';
import { describeModel } from '../backtest/model.js';
import { backtestRunInput, saveBacktestRun } from '../backtest/save-run.js';
import { parseSeedList, pooledPools, replaySeeds } from '../backtest/seeds.js';
import { calibrationInputOfDatabase, formatCalibration, measureCalibration } from '../demo/calibration.js';
import type { ReferenceStatistics } from '../demo/profiles.js';

const HELP = `Usage: pnpm pantau <command> [options]

Commands:
  migrate                         apply database migrations
  boundaries [--dir DIR]          load provinces, regencies and districts (GeoJSON) into the database
  reference                       load the real events of reference-events.json
  demo [--seed N] [--scale X] [--report]
                                  generate and load the demo data (deterministic; replaces earlier demo rows);
                                  --report: then print the loaded demo beside the published figures it is
                                  calibrated on (reference-statistics.json): measure, demo, reference,
                                  difference, within tolerance (exit status 1 when one is not)
  status                          show what is loaded
  import <kind> <file> [--dry-run] [--report out.json] [--mapping mapping.json] [--sheet NAME]
         [--layer NAME] [--header-row N] [--lang id|en]
                                  import a CSV, XLSX, GeoJSON, zipped shapefile, KML or KMZ file
                                  (kinds: permits, …); every rejected row is listed with its row,
                                  column, value and reason, in Bahasa Indonesia (--lang en: English);
                                  --layer: the shapefile layer of a zip holding several
  import list                     the import batches
  import rollback <batch>         remove every row a batch wrote
  user add <email> --role <role> [--scope 19.04,19.71 | --scope office:<key>] [--agency <code>]
                                  add an account (roles: admin, division_head, office_head, analyst,
                                  agency_member, viewer; agencies: imigrasi (default), polri, tni,
                                  kejaksaan, disnaker, kesbangpol, disdukcapil, pemda, bin, kemenag,
                                  lainnya); prints a generated password once
  user list | disable <email> | enable <email> | reset-password <email>
  user change <email> [--role <role>] [--scope …] [--agency <code>]
  token add --name <name> --scope <codes> --can report:create[,report:attach]
                                  an API token for a channel system (an APOA-like app) posting public
                                  reports (report:attach: and their photos): scope = province or regency
                                  codes (19 or 19.04,19.71); prints the token once (only its hash is kept)
  token list | revoke --name <name>
                                  tokens with scope, capabilities, created, last used, revoked (never the
                                  secret); a revoked token's requests answer 401
  audit [--since YYYY-MM-DD] [--action name] [--limit N]
                                  the audit trail: sign-ins, personal-data reads, imports, user changes
  audit verify                    walk the audit hash chain: rows checked and OK, or the first broken
                                  row and why (exit status 1)
  backtest [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--k 1,3,5,10,20]
           [--ranking score,model,holders,chance,oracle] [--json out.json] [--save]
                                  replay history month by month: how many findings fell in the top k
                                  planning candidates of their regency, against ranking by holders alone
                                  and a blind pick (default k 10); per k: hit rate, PAI, PEI*, percentile
                                  rank and paired tests against holders; on demo data each ranking's
                                  expected findings as a share of the oracle's; model: a logistic
                                  regression fitted on earlier months (its coefficients printed);
                                  --json: every ranked finding's
                                  ranks and every metric, in a file (exit status 1 with no data);
                                  --save: keep the summary in the database for the planning page's card
                                  "Seberapa baik peringkat ini?" (earlier runs are kept)
  backtest --seeds 101,102,103 [--scale X] [the options above]
                                  the same on several demo worlds: each seed's demo (scale X, default
                                  PANTAU_DEMO_SCALE) is loaded into a fresh temporary database (a
                                  temporary database on the server of DATABASE_URL, else PGlite in a
                                  temporary folder), replayed and removed; figures per seed, then
                                  pooled over every month of every seed; --save keeps the pooled run
  verify-aggregates [--days N] [--rebuild]
                                  compare the people pre-aggregate with a direct count of permits on N
                                  days spread over the data (default 12), at every level, by area,
                                  nationality and type; exit status 1 on a mismatch. --rebuild: first
                                  rebuild it from permits (after restoring a dump without its triggers)
  help                            this text

The database is the one \`pnpm start\` uses: embedded PGlite under PANTAU_DATA_DIR (default .data/),
or the PostgreSQL server of DATABASE_URL. The embedded database serves one process at a time: stop
\`pnpm start\` first, or use DATABASE_URL.`;

async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await connect(
    config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

function numberOption(value: string | undefined, name: string, fallback: number, check: (n: number) => boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} ${value}: not a valid value`);
  return n;
}

export class UsageError extends Error {}

/** `backtest --seeds`: every seed in a fresh database of its own, figures per seed and pooled; --save keeps the pooled run in the configured database. */
async function backtestSeeds(options: {
  config: Config;
  seeds: number[];
  scale: number;
  from: string;
  to: string;
  ks: number[];
  rankings: RankingName[] | undefined;
  json: string | undefined;
  save: boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { config, seeds, scale, from, to, ks, rankings, log } = options;
  const startedAt = new Date();
  const replayAll = async () => {
    log(
      `backtest ${from} … ${to} on demo seeds ${seeds.join(', ')} (scale ${scale}), top ${ks.join(', ')}; each seed in a fresh ${config.database.kind} database`,
    );
    const replays = await replaySeeds(config, { seeds, scale, from, to, k: ks[0]!, ...(rankings ? { rankings } : {}), log });
    const reportOf = (pools: Parameters<typeof backtestReport>[0], datasets: Parameters<typeof backtestReport>[1]['datasets']) =>
      backtestReport(pools, { from, to, ks, rankings, database: config.database.kind, datasets });
    const perSeed = replays.map((r) => ({
      seed: r.seed,
      loadSeconds: r.loadSeconds,
      replaySeconds: r.replaySeconds,
      report: backtestReport(r.pools, {
        from,
        to,
        ks,
        rankings,
        database: config.database.kind,
        datasets: r.datasets,
        ...(r.model !== undefined ? { model: r.model } : {}),
      }),
    }));
    for (const [i, { seed, report }] of perSeed.entries()) {
      log(`seed ${seed}:`);
      for (const m of report.metrics) for (const line of formatMetrics(m)) log(`  ${line}`);
      const model = replays[i]!.model;
      if (model !== undefined) log(`  ${describeModel(model)}`);
    }
    // The pooled run names each seed's demo among its datasets.
    const pooled = reportOf(
      pooledPools(replays),
      replays.flatMap((r) => r.datasets.filter((d) => d.params.seed !== undefined)),
    );
    log(`pooled over seeds ${seeds.join(', ')} (every month of every seed one unit of the bootstrap and the sign test):`);
    for (const m of pooled.metrics) for (const line of formatMetrics(m)) log(`  ${line}`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    log(
      `time per seed: load ${mean(replays.map((r) => r.loadSeconds)).toFixed(0)} s, replay ${mean(replays.map((r) => r.replaySeconds)).toFixed(0)} s (mean of ${replays.length})`,
    );
    if (options.json !== undefined) {
      writeFileSync(options.json, `${JSON.stringify({ seeds: perSeed, pooled }, null, 2)}\n`);
      log(`written: ${options.json} (each seed's report and the pooled one)`);
    }
    return pooled;
  };
  if (!options.save) {
    await replayAll();
    return;
  }
  // Opened first, so a database in use stops the command before the replays rather than after.
  await withDatabase(config, async (db) => {
    const pooled = await replayAll();
    const id = await saveBacktestRun(db.orm, backtestRunInput(pooled, startedAt));
    log(`saved: pooled backtest run ${id} (the planning page's card shows the latest run)`);
  });
}

async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  // `--report` is a file for `import` and a switch for `demo`.
  const report = command === 'demo' ? ({ type: 'boolean' } as const) : ({ type: 'string' } as const);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      days: { type: 'string' },
      rebuild: { type: 'boolean' },
      dir: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      'dry-run': { type: 'boolean' },
      report,
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      layer: { type: 'string' },
      'header-row': { type: 'string' },
      lang: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      agency: { type: 'string' },
      name: { type: 'string' },
      can: { type: 'string', multiple: true },
      since: { type: 'string' },
      action: { type: 'string' },
      limit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      k: { type: 'string' },
      ranking: { type: 'string' },
      json: { type: 'string' },
      save: { type: 'boolean' },
      seeds: { type: 'string' },
    },
  });
  const config = loadConfig(processEnv());
  const log = (line: string) => console.log(line);
  switch (command) {
    case 'migrate':
      await withDatabase(config, async () => log('migrations applied'));
      return;
    case 'boundaries':
      await withDatabase(config, (db) => loadBoundaries(db, { dir: values.dir ?? config.boundariesDir, log }));
      return;
    case 'reference':
      await withDatabase(config, (db) => loadReference(db, { referenceDir: config.referenceDir, log }));
      return;
    case 'demo': {
      const seed = numberOption(values.seed, 'seed', config.demo.seed, (n) => Number.isInteger(n) && n >= 0);
      const scale = numberOption(values.scale, 'scale', config.demo.scale, (n) => n > 0 && n <= 20);
      await withDatabase(config, async (db) => {
        await loadBoundaries(db, { dir: config.boundariesDir, log });
        await loadReference(db, { referenceDir: config.referenceDir, log });
        await loadDemo(db, { seed, scale, referenceDir: config.referenceDir, boundariesDir: config.boundariesDir, log });
        if (values.report !== true) return;
        const stats = JSON.parse(readFileSync(resolve(config.referenceDir, 'reference-statistics.json'), 'utf8')) as ReferenceStatistics;
        const lines = measureCalibration(await calibrationInputOfDatabase(db.orm, NATIONAL_SCOPE), stats);
        log(`demo (seed ${seed}, scale ${scale}) against ${resolve(config.referenceDir, 'reference-statistics.json')}; holders are people`);
        for (const line of formatCalibration(lines)) log(line);
        if (lines.some((l) => !l.within)) process.exitCode = 1;
      });
      return;
    }
    case 'status':
      await withDatabase(config, async (db) => {
        log(`database: ${db.kind} at ${db.location}`);
        for (const d of await datasetLoadRecords(db.orm))
          log(
            `${d.name}: loaded ${d.loadedAt} ${JSON.stringify(d.params.seed !== undefined ? { seed: d.params.seed, scale: d.params.scale } : {})} ${JSON.stringify(d.counts)}`,
          );
      });
      return;
    case 'import':
      await withDatabase(config, (db) =>
        importCommand(
          db,
          positionals,
          { ...values, report: typeof values.report === 'string' ? values.report : undefined },
          log,
          config.imports.regencyToleranceKm,
        ),
      );
      return;
    case 'user':
      await withDatabase(config, (db) => userCommand(db, positionals, values, log));
      return;
    case 'token':
      await withDatabase(config, (db) => tokenCommand(db, positionals, values, log));
      return;
    case 'audit':
      await withDatabase(config, (db) => auditCommand(db, positionals, values, log));
      return;
    case 'backtest': {
      const from = values.from ?? '2020-01-01';
      const to = values.to ?? '2025-12-31';
      for (const [name, day] of [
        ['from', from],
        ['to', to],
      ] as const)
        if (!isIsoDate(day)) throw new UsageError(`--${name} ${day}: a date as YYYY-MM-DD`);
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const ks = values.k === undefined ? [10] : parseKList(values.k);
      const rankings = values.ranking === undefined ? undefined : parseRankingList(values.ranking);
      if (values.seeds !== undefined) {
        const seeds = parseSeedList(values.seeds);
        const scale = numberOption(values.scale, 'scale', config.demo.scale, (n) => n > 0 && n <= 20);
        await backtestSeeds({ config, seeds, scale, from, to, ks, rankings, json: values.json, save: values.save === true, log });
        return;
      }
      await withDatabase(config, async (db) => {
        log(
          `backtest ${from} … ${to}, top ${ks.join(', ')} candidates of the finding's regency (company sites for findings at a site, districts for the others), ranked on the first day of each month`,
        );
        const startedAt = new Date();
        const result = await runBacktest(db, { from, to, k: ks[0]!, log, ...(rankings ? { rankings } : {}) });
        const report = backtestReport(result.pools, {
          from,
          to,
          ks,
          rankings,
          database: `${db.kind}`,
          datasets: await datasetLoadRecords(db.orm),
          ...(result.model !== undefined ? { model: result.model } : {}),
        });
        for (const k of ks) {
          if (ks.length > 1) log(`top ${k}:`);
          const { total, byYear } = k === ks[0] ? result : tallies(result.pools, k, [...result.byYear.keys()]);
          for (const [year, tally] of byYear) log(formatTally(year, tally));
          log(formatTally('total', total));
          for (const [year, tally] of byYear) log(formatRates(year, tally));
          log(formatRates('total', total));
        }
        for (const m of report.metrics) for (const line of formatMetrics(m)) log(line);
        if (result.model !== undefined) log(describeModel(result.model));
        if (values.json !== undefined) {
          writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
          log(`written: ${values.json} (${report.findings.length} findings with their ranks, every metric)`);
        }
        if (values.save === true) {
          const id = await saveBacktestRun(db.orm, backtestRunInput(report, startedAt));
          log(`saved: backtest run ${id} (the planning page's card shows the latest run)`);
        }
      });
      return;
    }
    case 'verify-aggregates': {
      const count = numberOption(values.days, 'days', 12, (n) => Number.isInteger(n) && n >= 1 && n <= 400);
      await withDatabase(config, async (db) => {
        if (values.rebuild) {
          await db.orm.execute(sql`select pantau_holder_counts_rebuild()`);
          log('people pre-aggregate rebuilt from permits');
        }
        const days = await holderCountCheckDays(db.orm, count);
        const mismatches = await verifyHolderCounts(db.orm, days);
        log(
          `people pre-aggregate against the direct count: ${days.length} days (${days[0] ?? '-'} … ${days.at(-1) ?? '-'}), ${HOLDER_COUNT_LEVELS.join(', ')}`,
        );
        for (const m of mismatches.slice(0, 20)) {
          log(
            `  mismatch ${m.day} ${m.level} ${m.code} ${m.nationality} ${m.holderType}: aggregate ${m.aggregate.people} people / ${m.aggregate.permits} permits, direct ${m.direct.people} / ${m.direct.permits}`,
          );
        }
        if (mismatches.length) {
          log(`${mismatches.length} mismatches: run \`pnpm pantau verify-aggregates --rebuild\``);
          process.exitCode = 1;
        } else log('equal everywhere');
      });
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      log(HELP);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    [
      UsageError,
      ConfigError,
      DatabaseInUseError,
      BoundariesNotFoundError,
      RecordValidationError,
      ImportFileError,
      TableReadError,
      UserCommandError,
      AccountError,
      AuditChainBrokenError,
      NothingToReplayError,
      BacktestOptionError,
    ].some((k) => error instanceof k) || String((error as { code?: string }).code ?? '').startsWith('ERR_PARSE_ARGS');
  console.error(known ? `pantau: ${(error as Error).message}` : error);
  process.exit(1);
});
