// Lint: typescript-eslint's recommended rules plus the import boundaries of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers a folder may not import from; dependencies point one way (http/cli/jobs -> app -> domain, storage). */
const boundary = (files, forbidden, why) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  boundary(
    ['src/domain/**'],
    ['**/app/**', '**/storage/**', '**/http/**', '**/cli/**', '**/jobs/**', '**/contracts/**', '**/config*', '**/main*', 'kysely', 'better-sqlite3', 'pg', 'hono', 'hono/*', '@hono/*', 'zod', 'pino', 'commander', 'fs', 'fs/*', 'node:*', 'http', 'net', 'child_process'],
    'domain code is pure: no I/O, no storage, no transport, no validation library',
  ),
  {
    // Domain rules take the time from a Clock, so they can be tested and replayed.
    files: ['src/domain/**'],
    ignores: ['src/domain/shared/clock.ts', 'src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'pass a Clock instead of reading the time' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass a Clock instead of reading the time' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain code is deterministic' },
      ],
    },
  },
  boundary(['src/contracts/**'], ['**/app/**', '**/storage/**', '**/http/**', '**/cli/**', '**/jobs/**'], 'contracts are shared by server, CLI and web: schemas only'),
  boundary(['src/storage/**'], ['**/app/**', '**/http/**', '**/cli/**', '**/jobs/**', '**/contracts/**'], 'storage only queries; it knows nothing of use cases or transports'),
  boundary(['src/app/**'], ['**/http/**', '**/cli/**', '**/jobs/**', 'hono', 'hono/*', 'commander'], 'use cases are called by transports, never the reverse'),
  boundary(['src/http/**'], ['**/cli/**', '**/jobs/**', '**/storage/**'], 'routes call use cases; only use cases reach storage'),
  boundary(['src/cli/**'], ['**/http/routes/**', '**/jobs/**', '**/storage/**'], 'commands call use cases; only use cases reach storage'),
  boundary(['src/jobs/**'], ['**/http/**', '**/cli/**'], 'jobs call use cases; the transports are their siblings, not their dependencies'),
  boundary(['web/**'], ['**/src/app/**', '**/src/storage/**', '**/src/http/**', '**/src/cli/**', '**/src/jobs/**', 'node:*'], 'the web app talks to the server over HTTP; it shares contracts only'),
);
