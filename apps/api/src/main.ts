// Wires configuration, database and app, prepares the data, and listens. Nothing else.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { connect, DatabaseInUseError, limitRequests, primaryReads, replicaReads, userReader } from '@pantau/db';
import { BoundariesNotFoundError, prepareDatabase, REPO_ROOT } from '@pantau/data';
import { createApp } from './app.js';
import { startHttpServer } from './http-server.js';
import { ConfigError, loadConfig, processEnv } from './config.js';
import { systemClock } from './deps.js';
import { createImportJobs } from './imports/import-jobs.js';
import { createLogger, terminalDestination } from './logger.js';
import { chromiumPdfRenderer, findChromium } from './print/pdf-renderer.js';

async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  // Everything the server says goes through one logger: JSON lines on stdout (logger.ts), read as text
  // lines when stdout is a terminal (`pnpm start` by hand), JSON for a service manager or a collector.
  const logger = createLogger(config.logLevel, process.stdout.isTTY ? terminalDestination(process.stdout) : undefined);
  const started = Date.now();
  const database = await connect(
    config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  logger.info({}, `Pantau: database ${database.kind} at ${database.location}`);
  await prepareDatabase(database, config, (line) => logger.info({}, line));
  // The renderer prints the app's own pages, so it calls this server on its loopback address.
  const ownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const pdf = chromiumPdfRenderer({
    executablePath: findChromium(config.chromiumPath),
    baseUrl: () => `http://${ownHost.includes(':') ? `[${ownHost}]` : ownHost}:${config.port}`,
  });
  // Requests are bounded (statement timeouts, or the wait for the embedded database); start-up work above was not.
  const bounded = limitRequests(database, { statementTimeouts: config.statementTimeouts, wait: config.databaseWait });
  // DATABASE_READ_URL: scoped reads on the replica (read-replica.ts). Not asked at start: a replica that
  // does not answer only sends reads to the primary, with a warning, and is asked again every few seconds.
  const replica = config.readReplica ? await connect({ kind: 'postgres', url: config.readReplica.url }) : null;
  const reads = replica
    ? replicaReads({
        primary: bounded,
        replica: limitRequests(replica, { statementTimeouts: config.statementTimeouts, wait: config.databaseWait }),
        maxLagMs: config.readReplica!.maxLagMs,
        warn: (line) => logger.warn({}, `Pantau: ${line}`),
      })
    : primaryReads(bounded);
  if (replica) logger.info({}, `Pantau: reads from the replica at ${replica.location} while it lags less than ${config.readReplica!.maxLagMs / 1000} s`);
  // Import jobs another process left running when it stopped fail `interrupted` before this one serves;
  // finished jobs and their uploads go after PANTAU_IMPORT_JOB_DAYS.
  await mkdir(config.importJobs.uploadDir, { recursive: true });
  const importJobs = createImportJobs({
    database: bounded,
    clock: systemClock,
    log: (line) => logger.error({}, line),
    retentionMs: config.importJobs.retentionMs,
    staleAfterMs: config.importJobs.staleAfterMs,
    regencyToleranceKm: config.imports.regencyToleranceKm,
    afterWrite: (ownerId) => reads.afterWrite(userReader(ownerId)),
  });
  // The embedded database serves one process: every job still open there was this server's before it stopped.
  const swept = await importJobs.sweep({ everyOpenJob: database.kind === 'pglite' });
  if (swept.interrupted.length) logger.warn({}, `Pantau: ${swept.interrupted.length} import job(s) interrupted by a stop marked failed; they can be rerun`);
  const stopSweeping = importJobs.maintain();
  const app = createApp({
    database: bounded,
    config,
    clock: systemClock,
    log: logger,
    webDist: resolve(REPO_ROOT, 'apps/web/dist'),
    pdf,
    uploads: { tempDir: config.importJobs.uploadDir },
    importJobs,
    reads,
  });
  const { server } = await startHttpServer(app.fetch, { port: config.port, hostname: config.host });
  logger.info(
    { port: config.port, host: config.host },
    `Pantau ready in ${((Date.now() - started) / 1000).toFixed(1)} s on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
  );
  const shutdown = () => {
    stopSweeping();
    server.close();
    void pdf
      .close()
      .then(() => Promise.all([database.close(), replica?.close()]))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof BoundariesNotFoundError)
    console.error(`pantau: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
