// One flat config for the whole monorepo; each package runs `eslint .` against it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/src/generated/**', '**/coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
      // Packages talk through their public entry point only.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@jobping/*/src/*', '@jobping/*/dist/*'], message: 'Import the package entry point (@jobping/<name>), not its internals.' }] },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'scripts/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/test/**'],
    rules: { 'no-console': 'off' },
  },
);
