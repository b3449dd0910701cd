import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Lints a snippet as if it were a file at `path`, with the project's real ESLint config.
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('layering (design.md §1), enforced by lint', () => {
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

  it('lets each layer import what design.md allows', async () => {
    expect(await importErrors('core/fixture.ts', "import lunr from 'lunr';\nlunr(() => {});\n")).toHaveLength(0);
    expect(await importErrors('renderer/fixture.ts', "import { EditorView } from 'prosemirror-view';\nnew EditorView(null, {} as never);\n")).toHaveLength(0);
    expect(await importErrors('electron/services/fixture.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n")).toHaveLength(0);
    expect(await importErrors('electron/main.ts', "import { app } from 'electron';\napp.quit();\n")).toHaveLength(0);
  });
});
