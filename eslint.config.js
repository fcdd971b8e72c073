// The lint here guards the architecture's boundaries (ARCHITECTURE.md): which environment
// may import what. `npm test` runs it, so a crossing fails the build.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnly = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node modules.' }))],
        patterns: [
          { group: ['node:*'], message: 'shared/ is pure: no Node modules.' },
          { group: ['react', 'react-dom', 'better-sqlite3', 'hono', '@hono/*', '**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing environment-specific.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in the browser: no Node modules.' }))],
        patterns: [
          { group: ['node:*'], message: 'renderer/ runs in the browser: no Node modules.' },
          { group: ['**/electron/**', 'better-sqlite3', 'hono', '@hono/*'], message: 'renderer/ imports only shared/ and browser packages.' },
        ],
      }],
    },
  },
  {
    // A deferred BEGIN cannot wait for another process's write lock (SQLITE_BUSY_SNAPSHOT):
    // every write transaction goes through writeTransaction, which begins IMMEDIATE.
    files: ['electron/**/*.ts'],
    ignores: ['electron/backend/db/transaction.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='transaction']",
        message: 'Use writeTransaction(db, fn) from electron/backend/db/transaction.ts: it begins IMMEDIATE.',
      }],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
