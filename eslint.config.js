import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'src/generated', 'coverage'] },
  ...tseslint.configs.strict,
  {
    // Type-aware rules everywhere TypeScript is: the promise rules catch what `strict` cannot see.
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The shipped code gets the whole strict type-checked set. Numbers and booleans read fine in messages.
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  {
    // Vendor operations get their requests typed from the OpenAPI documents: no casts (`as const` stays).
    files: ['src/vendors/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // Tests, benches, examples and scripts read JSON answers as `any` on purpose (terse assertions on
    // whatever came back): the `no-unsafe-*` family would flag every such read, so it stays off there;
    // and their stubs of async interfaces (fetch, receivers, body sources) are async without awaiting.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'vitest.config.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The unit and http projects share modules between test files (vitest.config.ts): nothing may patch them.
    files: ['test/**/*.ts', 'examples/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv', 'useFakeTimers'].map((property) => ({
          object: 'vi',
          property,
          message:
            'Test files share modules (vitest.config.ts): inject a fake, do not patch modules or globals.',
        })),
      ],
    },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use the seeded generator.',
        },
      ],
    },
  },
  {
    files: [
      'src/clock/real-clock.ts',
      'src/server/**',
      'src/cli/**',
      'bench/**',
      'test/**',
      'examples/**',
      'scripts/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Test files share modules (vitest.config.ts): no test changes the process's environment or globals.
    files: ['test/**/*.ts', 'examples/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "AssignmentExpression[left.object.object.name='process'][left.object.property.name='env']",
          "UnaryExpression[operator='delete'][argument.object.object.name='process']",
          "AssignmentExpression[left.object.name='globalThis']",
          "CallExpression[callee.object.name='vi'][callee.property.name='spyOn'][arguments.0.name=/^(globalThis|process|console)$/]",
        ].map((selector) => ({
          selector,
          message:
            'Test files share modules (vitest.config.ts): pass an environment or a fake in, do not change the process or globals.',
        })),
      ],
    },
  },
  {
    // The simulator core is pure: no timers, no I/O, no HTTP layer.
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'The core derives state from the clock; it never schedules.' },
        { name: 'setInterval', message: 'The core derives state from the clock; it never schedules.' },
        { name: 'fetch', message: 'The core does no I/O.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'express', 'msw', 'msw/*', '@mswjs/*', '**/server/**', '**/adapter/**'] },
      ],
    },
  },
);
