import { defineConfig } from 'vitest/config';

// The one place tests read the environment: DATABASE_URL (set by CI) adds the PostgreSQL server
// backend to every integration test. The database it names is dropped and rebuilt as the template.
const databaseUrl = process.env.DATABASE_URL ?? '';

export default defineConfig({
  test: {
    provide: { databaseUrl },
    projects: [
      {
        test: {
          name: 'unit',
          // Groups run one after another: unit first, then the database suites, then the browser.
          sequence: { groupOrder: 0 },
          include: ['{apps,packages}/*/src/**/*.test.{ts,tsx}', 'apps/*/build/**/*.test.ts', 'data/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['{apps,packages}/*/src/**/*.int.test.ts', 'data/src/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          provide: { databaseUrl },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // PGlite with PostGIS takes ~1 GB per instance: two files at a time on a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/web/e2e/serve-app.ts'],
          provide: { databaseUrl },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
