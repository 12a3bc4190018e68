// Builds the service worker with the app: once Vite has written dist/, the worker (sw/service-worker.ts)
// is bundled into dist/sw.js as one classic script, and dist/offline-shell.json lists the app's files
// (index.html and every hashed asset, lazy chunks included) with their sizes, which the page stores
// in an offline copy. The worker's version is a hash of its code and of that list, so every build
// that changes either is a new worker, and the browser replaces the old one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

export interface ShellFile {
  /** Path on the server, e.g. `/assets/index-N2llgBxN.js`. */
  path: string;
  bytes: number;
}

export interface ShellManifest {
  version: string;
  files: ShellFile[];
}

const VERSION_PLACEHOLDER = '__PANTAU_SW_VERSION_PLACEHOLDER__';

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** The app shell: index.html and everything under assets/, sorted. */
export function shellFiles(outDir: string): ShellFile[] {
  const index = join(outDir, 'index.html');
  const assets = filesBelow(join(outDir, 'assets'));
  return [index, ...assets.sort()].map((path) => ({ path: `/${relative(outDir, path).split(sep).join('/')}`, bytes: statSync(path).size }));
}

export function serviceWorker(entry: string): Plugin {
  let outDir = '';
  return {
    name: 'pantau-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle() {
      const bundled = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify: true,
        write: false,
        logLevel: 'silent',
        define: { __PANTAU_SW_VERSION__: JSON.stringify(VERSION_PLACEHOLDER) },
      });
      const code = bundled.outputFiles[0]?.text;
      if (!code?.includes(VERSION_PLACEHOLDER)) throw new Error(`${entry}: the bundled worker does not read its version`);
      const files = shellFiles(outDir);
      const version = createHash('sha256')
        .update(code)
        .update(JSON.stringify(files))
        .update(readFileSync(join(outDir, 'index.html')))
        .digest('hex')
        .slice(0, 16);
      writeFileSync(join(outDir, 'sw.js'), code.replaceAll(VERSION_PLACEHOLDER, version));
      const manifest: ShellManifest = { version, files };
      writeFileSync(join(outDir, 'offline-shell.json'), `${JSON.stringify(manifest, null, 1)}\n`);
      this.info(`service worker ${version}: ${files.length} app files, ${(files.reduce((sum, file) => sum + file.bytes, 0) / 1_000_000).toFixed(1)} MB`);
    },
  };
}
