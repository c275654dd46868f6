import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_AND_ELECTRON = ['node:*', 'fs', 'path', 'os', 'url', 'child_process', 'electron', 'electron-store'].map((name) => ({
  group: [name, `${name}/*`],
  message: 'src-core is pure domain logic: it imports neither Node nor Electron.',
}));

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_AND_ELECTRON, { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-core imports nothing from the layers above it.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-renderer/**'], message: 'the main process does not import the UI.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_AND_ELECTRON.map((p) => ({ ...p, message: 'the renderer is sandboxed: it reaches Node only through window.drs.' })), { group: ['**/src-main/services/**'], message: 'the renderer talks to services only through IPC.' }] }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
