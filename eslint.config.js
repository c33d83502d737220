import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'bench/results/**',
      'test-results/**',
      'bin/**',
      'scripts/*.mjs',
      'src/web/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // One clock: rules ask src/platform/clock.ts (the UI src/web/clock.ts) for now and today, so
    // that the product and its tests can run on any day. The session timer counts real time.
    files: ['src/modules/**/*.ts', 'src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/clock.ts', 'src/web/trust/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Ask the clock (platform/clock.ts, web/clock.ts) for now and today.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Ask the clock (platform/clock.ts, web/clock.ts) for now and today.',
        },
      ],
    },
  },
  {
    // The platform serves every module and knows none: modules are composed by src/server.ts
    // (routes) and src/jobs.ts (jobs and schedules).
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              message: 'platform/ never imports a module; compose it in src/server.ts or src/jobs.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Modules meet at their front door: another module is imported only through its index.ts.
    files: ['src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { navet: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'navet/module-boundaries': 'error' },
  },
  { files: ['*.config.js', '*.config.ts', 'eslint-rules/*.js'], ...tseslint.configs.disableTypeChecked },
);
