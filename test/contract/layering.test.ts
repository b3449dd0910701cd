import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Lints a snippet as if it were a file at `path`, with the project's real ESLint config.
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('layering (docs/architecture.md §1), enforced by lint', () => {
  it('refuses a Node builtin in core/', async () => {
    expect(await importErrors('core/fixture.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n")).not.toEqual([]);
    expect(await importErrors('core/fixture.ts', "import path from 'path';\npath.join();\n")).not.toEqual([]);
  });

  it('refuses electron, the view and the other layers in core/', async () => {
    expect(await importErrors('core/fixture.ts', "import { app } from 'electron';\napp.quit();\n")).not.toEqual([]);
    expect(await importErrors('core/fixture.ts', "import { EditorView } from 'prosemirror-view';\nnew EditorView(null, {} as never);\n")).not.toEqual([]);
    expect(await importErrors('core/corpus/fixture.ts', "import { x } from '../../electron/handlers.ts';\nx();\n")).not.toEqual([]);
    expect(await importErrors('core/fixture.ts', "import { x } from '../renderer/bridge.ts';\nx();\n")).not.toEqual([]);
  });

  it('refuses electron, Node builtins and electron/ code in renderer/', async () => {
    expect(await importErrors('renderer/fixture.ts', "import { ipcRenderer } from 'electron';\nipcRenderer.send('x');\n")).not.toEqual([]);
    expect(await importErrors('renderer/fixture.ts', "import fs from 'node:fs';\nfs.rmSync('x');\n")).not.toEqual([]);
    expect(await importErrors('renderer/panels/fixture.ts', "import { x } from '../../electron/handlers.ts';\nx();\n")).not.toEqual([]);
  });

  it('keeps electron out of services and the CLI, except for types', async () => {
    expect(await importErrors('electron/services/fixture.ts', "import { app } from 'electron';\napp.quit();\n")).not.toEqual([]);
    expect(await importErrors('electron/services/fixture.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toHaveLength(0);
  });

  it('lets each layer import what docs/architecture.md allows', async () => {
    expect(await importErrors('core/fixture.ts', "import lunr from 'lunr';\nlunr(() => {});\n")).toHaveLength(0);
    expect(await importErrors('renderer/fixture.ts', "import { EditorView } from 'prosemirror-view';\nnew EditorView(null, {} as never);\n")).toHaveLength(0);
    expect(await importErrors('electron/services/fixture.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n")).toHaveLength(0);
    expect(await importErrors('electron/main.ts', "import { app } from 'electron';\napp.quit();\n")).toHaveLength(0);
  });
});

describe('one way into a folder, enforced by lint', () => {
  const use = (from: string) => `import { x } from '${from}';\nx();\n`;

  it('enters a form folder of core/clean only through its entry module', async () => {
    expect(await importErrors('core/corpus/fixture.ts', use('../clean/web-page/body.ts'))).not.toEqual([]);
    expect(await importErrors('core/clean/fixture.ts', use('./pdf-text/flow.ts'))).not.toEqual([]);
    expect(await importErrors('core/clean/markdown/fixture.ts', use('../text-rules/quotes.ts'))).not.toEqual([]);
    expect(await importErrors('electron/services/import/fixture.ts', use('../../../core/clean/text-rules/typography.ts'))).not.toEqual([]);
    expect(await importErrors('corpus/fixture.ts', use('../core/clean/wikitext/tokens.ts'))).not.toEqual([]);
  });

  it('lets code import an entry module, and a form folder its own parts', async () => {
    expect(await importErrors('core/corpus/fixture.ts', use('../clean/web-page/web-page.ts'))).toHaveLength(0);
    expect(await importErrors('core/clean/fixture.ts', use('./pdf-text/pdf-text.ts'))).toHaveLength(0);
    expect(await importErrors('core/clean/markdown/fixture.ts', use('../text-rules/text-rules.ts'))).toHaveLength(0);
    expect(await importErrors('core/clean/markdown/fixture.ts', use('./inlines.ts'))).toHaveLength(0);
    expect(await importErrors('electron/services/import/fixture.ts', use('../../../core/clean/recipe.ts'))).toHaveLength(0);
  });

  it('enters core/search and the project store only through index.ts', async () => {
    expect(await importErrors('electron/services/search/fixture.ts', use('../../../core/search/shard.ts'))).not.toEqual([]);
    expect(await importErrors('core/export/fixture.ts', use('../search/fold.ts'))).not.toEqual([]);
    expect(await importErrors('bench/fixture.ts', use('../core/search/search.ts'))).not.toEqual([]);
    expect(await importErrors('electron/cli/fixture.ts', use('../services/store/project-file.ts'))).not.toEqual([]);
    expect(await importErrors('electron/services/search/fixture.ts', use('../store/project-store.ts'))).not.toEqual([]);
    expect(await importErrors('electron/fixture.ts', use('./services/store/store-errors.ts'))).not.toEqual([]);
    expect(await importErrors('electron/services/search/fixture.ts', use('../../../core/search/index.ts'))).toHaveLength(0);
    expect(await importErrors('electron/cli/fixture.ts', use('../services/store/index.ts'))).toHaveLength(0);
    expect(await importErrors('electron/services/store/fixture.ts', use('./project-store.ts'))).toHaveLength(0);
  });

  it('lets tests reach inside a folder to test its parts', async () => {
    expect(await importErrors('test/core/clean/web-page/fixture.test.ts', use('../../../../core/clean/web-page/body.ts'))).toHaveLength(0);
    expect(await importErrors('test/electron/store/fixture.test.ts', use('../../../electron/services/store/backups.ts'))).toHaveLength(0);
  });
});
