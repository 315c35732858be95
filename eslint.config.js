import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import compat from 'eslint-plugin-compat';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-demo/', 'coverage/', 'node_modules/', '.tmp/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Web and ES APIs of the code that runs in browsers, against package.json's browserslist.
    // The feed command and the feed core run on servers (Node 20, Workers, Deno) instead.
    ...compat.configs['flat/recommended'],
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/kma-feed/**'],
    // An API the code tests for before use (`if ('x' in y)`) passes as it is; one that must be
    // allow-listed goes into `polyfills`, with a comment saying why it is safe.
    settings: { lintAllEsApis: true, polyfills: [] },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: [
      'scripts/**',
      'bench/**',
      'src/cli/**',
      'tests/**/*.node.test.ts',
      'tests/support/**',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
