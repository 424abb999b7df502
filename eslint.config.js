// ESLint (flat config): typescript-eslint and eslint-plugin-vue, plus the boundary rules that keep
// DESIGN.md's arrows pointing one way: renderer → shared, services → shared, main → services.
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

/** An import of something under the repo's `electron/` folder, by relative path. */
const ELECTRON_FOLDER = { regex: '(^|/)electron/(main|preload|services)(/|$)', message: 'Only electron/ itself may import from electron/.' };
const RENDERER_FOLDER = { regex: '(^|/)renderer/', message: 'Only the renderer imports renderer code.' };
const MAIN_FOLDER = { regex: '(^|/|\\.\\./)main(/|$)', message: 'Services never import electron/main: main depends on services, not the other way.' };

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw ipcMain / ipcRenderer belong in electron/main and electron/preload only; everything else goes through the contract.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/.cache/**', 'shared/clerk/bapi-types.gen.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Formatting is not lint's job here; these presentational rules fight the existing templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main only through window.clerkAdmin.' }],
          patterns: [ELECTRON_FOLDER, { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto'], message: 'The renderer imports nothing of Node.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'shared/ is plain TypeScript for both sides.' }], patterns: [ELECTRON_FOLDER, RENDERER_FOLDER] }],
    },
  },
  {
    files: ['electron/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services are plain Node: inject what they need from electron/main.' }], patterns: [MAIN_FOLDER, RENDERER_FOLDER] },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RENDERER_FOLDER] }] },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RENDERER_FOLDER, { regex: '(^|/)(main|services)(/|$)', message: 'The preload builds its bridge from shared/ipc only.' }] }] },
  },
  {
    files: ['scripts/**', 'test/**', '*.config.*'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
  {
    // Tests poke at raw JSON answers and stand-in objects, where `any` is the honest type.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
