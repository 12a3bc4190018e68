import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; `pnpm db:generate` after a schema change, then commit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
