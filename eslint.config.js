// Lint, and the layering of docs/architecture.md §1 as import rules. Do not relax these rules to make an
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

// One way into a folder. A form folder of core/clean (web-page/, pdf-text/, text-rules/, …) is
// entered only through its entry module, named like the folder; core/search and the project store
// only through their index.ts. Tests may reach inside to test the parts. These patterns match the
// import as written, so inside core/ a sibling-relative path (./web-page/, ../search/) counts too.
// They use the TypeScript variant of no-restricted-imports so that one set of options covers every
// layer without replacing the layering rules above (ESLint keeps one set of options per rule).
const CLEAN_FORMS = 'web-page|pdf-text|wikitext|markdown|plain-text|paraphrase|text-rules';
const cleanFormEntry = (via) => ({
  regex: `(^|/)(${via})/(${CLEAN_FORMS})/(?!\\3\\.ts$)`,
  message: 'Import a form folder of core/clean only through its entry module, named like the folder (web-page/web-page.ts).',
});
const searchFace = (via) => ({
  regex: `(^|/)(${via})/search/(?!index\\.ts$)`,
  message: 'Import core/search only through core/search/index.ts.',
});
const storeFace = (via) => ({
  regex: `(^|/)(${via})/store/(?!index\\.ts$)`,
  message: 'Import the project store only through electron/services/store/index.ts.',
});

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
    files: ['core/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [cleanFormEntry('clean|\\.|\\.\\.'), searchFace('\\.\\.')] }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [cleanFormEntry('clean'), searchFace('core'), storeFace('services|\\.|\\.\\.')] }] },
  },
  {
    files: ['renderer/**/*.ts', 'bench/**/*.ts', 'corpus/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [cleanFormEntry('clean'), searchFace('core'), storeFace('services')] }] },
  },
  {
    files: ['*.config.{js,ts}', 'corpus/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
