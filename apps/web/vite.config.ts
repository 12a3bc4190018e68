import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META, cspText } from '../../packages/domain/src/http/csp.js';
import { initialJsBudget } from './build/initial-js-budget.js';
import { serviceWorker } from './build/service-worker.js';

// The API (apps/api) serves /api/v1 and /tiles on this port; in production it also serves dist/.
const API_ORIGIN = 'http://localhost:8787';

/**
 * The page's Content-Security-Policy as a <meta> tag: the directives the API sends as a header
 * (@pantau/domain http/csp), less frame-ancestors, which a <meta> tag cannot carry. Build only: the
 * dev server injects inline scripts for React refresh. Imported by path, not as @pantau/domain: Vite
 * leaves a package import to Node, which cannot load the package's TypeScript entry; a relative
 * import is bundled with this config.
 */
const CONTENT_SECURITY_POLICY = cspText(CONTENT_SECURITY_POLICY_META);

function contentSecurityPolicy(): Plugin {
  return {
    name: 'pantau-content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), initialJsBudget(), serviceWorker(fileURLToPath(new URL('./sw/service-worker.ts', import.meta.url)))],
  server: {
    // The Host header is kept (no `changeOrigin`), so the API writes TileJSON tile URLs on the dev
    // server's origin and the browser fetches tiles through this proxy too.
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: false },
      '/tiles': { target: API_ORIGIN, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // maplibre-gl alone is ~1 MB minified (~295 KB gzip); it gets its own chunk so app changes
    // do not invalidate it in the browser cache.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's own comments trip a Rollup notice on every build; nothing to act on here.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          if (id.includes('/node_modules/') && id.includes('/maplibre-gl/')) return 'maplibre';
          return undefined;
        },
        // MapLibre's worker is emitted as an asset (`?url`); a `.js` name gets a JavaScript MIME
        // type from any static server, which module workers require.
        assetFileNames(asset) {
          const name = asset.names[0] ?? '';
          return name.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
});
