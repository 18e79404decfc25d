// ESLint flat config. Besides the usual checks, `no-restricted-imports` fences
// the environments so they cannot be crossed by accident (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures declare their (absent) dependencies with an empty pattern.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The service never touches Electron, so the browser host, tests and benchmarks run the same code.
    files: ['main/core/**/*.ts', 'main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'main/core and main/web must not import electron.' }], patterns: [{ group: ['**/electron/**'], message: 'main/core and main/web must not import the Electron glue.' }, { group: ['**/renderer/**'], message: 'main/ must not import the renderer.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The renderer talks to main only through window.fieldmark.' }], patterns: [{ group: nodeBuiltins, message: 'The renderer has no Node APIs.' }, { group: ['**/main/**'], message: 'The renderer must not import main/; use the contract client.' }, { group: ['**/preload/index*'], message: 'The renderer gets the preload client from window.fieldmark.' }] }],
    },
  },
  {
    // common/ is pure: the rules every side shares, with no Node, DOM or Electron.
    // Only ES globals are declared here, so a stray `window` or `process` is an error.
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'common/ is pure.' }], patterns: [{ group: [...nodeBuiltins, '**/main/**', '**/renderer/**', '**/test/**'], message: 'common/ is pure: it may import only common/ and the contract.' }, { group: ['**/preload/*', '!**/preload/contract', '!**/preload/rpc'], message: 'common/ may import only the pure contract from preload/.' }] }],
    },
  },
  {
    files: ['preload/contract.ts', 'preload/rpc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The contract is pure.' }], patterns: [{ group: [...nodeBuiltins, '**/main/**', '**/renderer/**'], message: 'The contract is pure: zod only.' }] }],
    },
  },
);
