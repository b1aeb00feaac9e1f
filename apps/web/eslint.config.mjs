// The monorepo's lint rules plus what a browser app needs: browser globals for src/ and the
// React hooks rules. ESLint uses the config nearest to each file, so this one extends the root's.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.mjs';

export default [
  ...root,
  { ignores: ['.test-results/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, even when empty.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', 'no-console': 'off' },
  },
];
