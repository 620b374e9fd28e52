// ESLint for the whole project (`npm run lint`, part of `npm test`): typescript-eslint's
// recommended rules and the architecture's boundaries as import rules (docs/architecture.md).
// Import cycles are found by test/architecture/boundaries.test.ts on the import graph.
import tseslint from 'typescript-eslint';

const MODULES = 'accounts|articles|audit|claims|exports|reader|verdicts';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/js/**', 'public/embed.js', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      // `interface User extends AccountUser {}` is how Express's global User type is filled in.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\./(${MODULES})/`,
              message: 'Import another module through its index.ts (its services, types and pure functions), never its files.',
            },
            { regex: '/http/(sessions|public-cache)$', message: 'Modules do not reach into the HTTP plumbing beyond routes, forms, access and CSRF.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules(/|$)', message: 'src/http knows no domain module: the domain hands it rules and specs.' }] },
      ],
    },
  },
  {
    files: ['src/client/**/*.ts', 'src/embed/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    files: ['*.js', 'test/support/env.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
