// A throwaway PostgreSQL 15 cluster of a test's own (fault tests kill it with SIGKILL): its data,
// socket and log in a fresh temporary folder, on a free port, trusting local connections. Never the
// shared cluster CI and other users work on. initdb refuses root, so under root the cluster's
// programs run as the `postgres` OS user.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './api-process.js';

const run = promisify(execFile);

/** Clusters not destroyed yet: stopped (SIGKILL to the postmaster) and removed when the test process exits, even if the test forgets. */
const live = new Map<string, string>();
process.once('exit', () => {
  for (const [folder, pidFile] of live) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
    } catch {
      // Not running.
    }
    rmSync(folder, { recursive: true, force: true });
  }
});
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Whether this machine can start a private cluster: PostgreSQL 15's programs are installed. */
export const canStartPrivateCluster = existsSync(join(POSTGRES_BIN, 'initdb')) && existsSync(join(POSTGRES_BIN, 'pg_ctl'));

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  /** The postmaster's pid, read from postmaster.pid (changes at each start). */
  postmasterPid(): Promise<number>;
  /** SIGKILL to the postmaster: no shutdown, no checkpoint; its backends die with it or soon after. */
  kill9(): Promise<void>;
  /** Starts the cluster again (crash recovery replays the WAL) and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the cluster and removes its folder. */
  destroy(): Promise<void>;
}

const asPostgres = async (command: string, args: string[]) => {
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
};

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const folder = await mkdtemp(join(tmpdir(), 'pantau-pg-'));
  await chmod(folder, 0o700);
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(folder, 'data');
  const port = await freePort();
  await asPostgres(join(POSTGRES_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Small and quick: no TCP besides loopback; fsync stays on, since durability is what is tested.
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${folder} -c max_connections=60 -c shared_buffers=64MB`;
  const pidFile = join(data, 'postmaster.pid');
  const cluster: PrivateCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    postmasterPid: async () => Number((await readFile(pidFile, 'utf8')).split('\n')[0]),
    kill9: async () => {
      const pid = await cluster.postmasterPid();
      process.kill(pid, 'SIGKILL');
      // The backends notice their postmaster is gone and exit; a new postmaster refuses to start
      // while any of them still holds the shared memory, so wait for the socket to free.
      await waitFor(async () => !(await isAlive(pid)));
    },
    start: async () => {
      // A backend of the killed postmaster may still hold the shared memory for a moment: the new one then refuses to start.
      for (let attempt = 1; ; attempt++) {
        try {
          await asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-l', join(folder, 'log'), '-o', options, '-w', '-t', '120', 'start']);
          return;
        } catch (error) {
          if (attempt >= 5)
            throw new Error(`the private cluster did not start; its log:\n${await readFile(join(folder, 'log'), 'utf8').catch(() => '')}`, { cause: error });
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
    destroy: async () => {
      live.delete(folder);
      await asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
  live.set(folder, pidFile);
  await cluster.start();
  return cluster;
}

async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
