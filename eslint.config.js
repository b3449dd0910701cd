// Lint, and the layering of design.md §1 as import rules. Do not relax these rules to make an
// import pass: move the code to the layer where it belongs.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];

const noNode = { group: nodeBuiltins, message: 'Node builtins belong in electron/ (main process) only.' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main.ts, preload.ts and ipc.ts import electron.' };
const noView = { group: ['prosemirror-view', 'prosemirror-view/*'], message: 'core/ and electron/ never depend on the ProseMirror view.' };
const noElectronLayer = { group: ['**/electron/**', '../electron', '../../electron'], message: 'The renderer reaches the main process only through core/api.ts and renderer/bridge.ts.' };
const noRendererLayer = { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'Nothing imports the renderer.' };

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums do not survive type stripping.' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noView, noElectronLayer, noRendererLayer] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname', 'setImmediate'],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noElectronLayer] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...noElectron, allowTypeImports: true }, noView, noRendererLayer] }],
    },
  },
  {
    files: ['electron/main.ts', 'electron/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noView, noRendererLayer] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noView, noRendererLayer, { group: ['./*'], message: 'The preload imports only electron and core/api.ts.' }] }],
    },
  },
  {
    files: ['*.config.{js,ts}', 'corpus/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
