// Layering rules live here so a tool checks them: libs never import apps, and the pure
// libraries (domain, render) import no framework, ORM or AWS code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const frameworkImports = [
  '@nestjs/*',
  'typeorm',
  '@aws-sdk/*',
  'bullmq',
  'ioredis',
  'pg',
  'express',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/**'], message: 'A lib never imports an app.' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frameworkImports,
              message: 'libs/domain and libs/render are pure: no framework, ORM or AWS imports.',
            },
            {
              group: [
                '**/apps/**',
                '@gantry/persistence',
                '@gantry/scheduling',
                '@gantry/deploy',
                '@gantry/queue',
              ],
              message: 'Pure libs depend on nothing impure.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/scheduling/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '@gantry/deploy', '**/libs/deploy/**', '@aws-sdk/*'],
              message:
                'Scheduling decides and records deployments; running them (AWS, the runner) is libs/deploy.',
            },
          ],
        },
      ],
    },
  },
);
