import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'src/generated', 'coverage'] },
  ...tseslint.configs.strict,
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
