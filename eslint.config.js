// @ts-check
/**
 * Lint for War Room. `npm run lint` runs `eslint --max-warnings 0 .`, so a warning fails too.
 * Type-aware rules are deliberately off to keep lint fast; `npm run typecheck` does the types.
 * The `layers/allowed-imports` rule (build/eslint/layers.js) enforces docs/architecture.md#layers:
 * an import that crosses a layer wall the wrong way fails lint.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './build/eslint/layers.js';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'out/',
    'dist/',
    'test-results/',
    'playwright-report/',
    '.vite/',
    // Deliberately bad imports; linted only by test/unit/repository/layering.test.ts.
    'test/fixtures/layering/**',
  ]),

  {
    name: 'warroom/files',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  tseslint.configs.recommended,

  {
    name: 'warroom/rules',
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    plugins: { layers },
    rules: {
      'layers/allowed-imports': 'error',
      'layers/append-only-ops': 'error',
      'layers/tables-in-db': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },

  // Globals per room (no-undef matters for JS; TypeScript checks .ts itself).
  { name: 'warroom/globals-shared', files: ['shared/**'], languageOptions: { globals: globals.es2023 } },
  {
    name: 'warroom/globals-renderer',
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.es2023, ...globals.browser } },
  },
  {
    name: 'warroom/globals-node',
    files: ['electron/**', 'test/**', 'build/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.es2023, ...globals.node } },
  },
  {
    name: 'warroom/globals-preload',
    files: ['electron/preload/**'],
    languageOptions: { globals: { ...globals.es2023, ...globals.browser } },
  },

  {
    name: 'warroom/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Command-line tools print to stdout by design.
  {
    name: 'warroom/console-ok',
    files: [
      'electron/cli/**',
      'test/bench/**',
      'test/summary.ts',
      'test/e2e/ensureBrowser.ts',
      'build/checkBundles.ts',
      'build/checkPackage.ts',
      'build/electronegativity.ts',
    ],
    rules: { 'no-console': 'off' },
  },
]);
