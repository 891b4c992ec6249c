// @ts-check
/**
 * Lint rules, including the architecture's import boundaries (docs/architecture.md):
 * - engine/ and domain/ import nothing of ours;
 * - workers/ and portal/server/ may import domain/ (and read processes/ and forms/ as data),
 *   never engine/ (they reach it through @camunda8/sdk);
 * - portal/web/ imports no server code;
 * - bin/ is the only composition root: nothing imports bin/;
 * - no import cycles; kebab-case file and folder names.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const ours = ['engine', 'domain', 'workers', 'portal', 'bin', 'test', 'bench'];
/** @param {string} from @param {string[]} allowed */
const zone = (from, allowed) =>
  ours
    .filter((target) => !allowed.includes(target) && target !== from.split('/')[0])
    .map((target) => ({
      target: `./${from}`,
      from: `./${target}`,
      message: `${from}/ may not import ${target}/ (see docs/architecture.md).`,
    }));

export const boundaryZones = [
  ...zone('engine', []),
  ...zone('domain', []),
  ...zone('workers', ['domain']),
  ...zone('portal/server', ['domain']),
  {
    target: './portal/server',
    from: './portal/web',
    message: 'portal/server/ may not import portal/web/.',
  },
  ...zone('portal/web', []),
  {
    target: './portal/web',
    from: './portal/server',
    message: 'portal/web/ imports no server code.',
  },
  ...['engine', 'domain', 'workers', 'portal'].map((from) => ({
    target: `./${from}`,
    from: './bin',
    message: `${from}/ may not import bin/: bin/ is the only composition root.`,
  })),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'dist/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{bin,engine,domain,workers,portal,test,bench,processes,forms}/**/': 'KEBAB_CASE' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The web front end runs in the browser (portal/web/README.md).
    files: ['portal/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
