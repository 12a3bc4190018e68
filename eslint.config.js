// Lint (issue 21): typescript-eslint with type information, React's hook rules in the web app, and the
// architecture's boundaries as rules (GUIDE.md: web -> domain; api -> data -> db -> domain). `pnpm test`
// runs it before the tests and fails on any warning.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TSCONFIGS = [
  'packages/domain/tsconfig.json',
  'packages/db/tsconfig.json',
  'data/tsconfig.json',
  'apps/api/tsconfig.json',
  'apps/web/tsconfig.json',
  'apps/web/tsconfig.node.json',
  'apps/web/sw/tsconfig.json',
  'tsconfig.json',
];
const ours = (names) => names.map((name) => ({ name, message: 'crosses an architecture boundary (see GUIDE.md)' }));
const ourPatterns = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'apps/web/public/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Each package's own settings (DOM types only in the web app, Node types outside it); the root one holds the harnesses.
      parserOptions: { project: TSCONFIGS, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error; a promise where a boolean is expected is always true.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Configuration is read in the config modules only (apps/api/src/config.ts, data/src/config.ts).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read the environment in a config module (config.ts) and pass it down' },
      ],
    },
  },
  {
    // Test harnesses pass the environment to child processes and read loosely typed answers they assert on.
    // The web build script sets NODE_ENV for Vite's React plugin (see build-if-stale.ts).
    files: ['apps/api/src/config.ts', 'data/src/config.ts', 'test/**', 'vitest.config.ts', '**/*.test.ts', 'apps/web/scripts/build-if-stale.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['packages/domain/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ourPatterns(['@pantau/*'], 'the domain imports nothing of ours')] }] },
  },
  {
    files: ['packages/db/src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ours(['@pantau/data', '@pantau/api', '@pantau/web']) }] },
  },
  {
    files: ['data/src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ours(['@pantau/api', '@pantau/web']) }] },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ours(['@pantau/db', '@pantau/data', '@pantau/api']),
          patterns: [ourPatterns(['node:*'], 'the web app runs in the browser: no Node modules')],
        },
      ],
    },
  },
  {
    // Unit tests of the web app run in Node and read its files (the locales).
    files: ['apps/web/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ours(['@pantau/db', '@pantau/data', '@pantau/api']) }] },
  },
);
