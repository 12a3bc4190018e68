// `pnpm start` runs this before the API: rebuild the web app only when a source is newer than the
// last build, so a restart takes a second instead of a full Vite build.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(webRoot, 'dist', 'index.html');

/** Everything the bundle is made from: when one of these changes, the build is stale. */
const inputs = [
  join(webRoot, 'src'),
  join(webRoot, 'index.html'),
  join(webRoot, 'vite.config.ts'),
  join(webRoot, 'build'),
  // The service worker, bundled into dist/sw.js by build/service-worker.ts.
  join(webRoot, 'sw'),
  // A dependency added or upgraded changes the bundle too.
  join(webRoot, 'package.json'),
  join(webRoot, '..', '..', 'packages', 'domain', 'src'),
];

/** Newest modification time of a file, or of any file below a directory (0 if missing). */
function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

function staleReason(): string | null {
  if (!existsSync(builtIndex)) return 'no build yet';
  const builtAt = statSync(builtIndex).mtimeMs;
  const newestInput = Math.max(...inputs.map(newestModification));
  return newestInput > builtAt ? 'sources changed since the last build' : null;
}

const reason = staleReason();
// dist/ is the production bundle whoever runs this. Vitest's e2e setup runs it with NODE_ENV=test, and
// Vite would then bundle React's development build (~60 KB more gzip) that `pnpm start` would serve. Vite's
// `define` alone is not enough: the React plugin picks the JSX runtime from NODE_ENV, and a development
// JSX runtime against production React fails at run time (jsxDEV is not a function).
process.env.NODE_ENV = 'production';
if (reason === null) {
  console.log(`web: reusing the build in ${join('apps', 'web', 'dist')} (up to date with its sources)`);
} else {
  const startedAt = Date.now();
  await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web: built ${join('apps', 'web', 'dist')} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${reason})`);
  // Written by build/initial-js-budget.ts, which also fails the build over budget.
  const initialJs = JSON.parse(readFileSync(join(webRoot, 'dist', 'initial-js.json'), 'utf8')) as { totalGzipBytes: number; budgetBytes: number };
  console.log(
    `web: initial JS ${(initialJs.totalGzipBytes / 1024).toFixed(1)} KB gzip (budget ${(initialJs.budgetBytes / 1024).toFixed(0)} KB, deck.gl and panels load lazily)`,
  );
}
