import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Electronegativity gate: Doyensec's scanner of Electron misconfigurations over electron/ and
// renderer/. The scanner always exits 0, so this test reads its findings and fails on every one
// not waived, with a reason, in electronegativity.json.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_VERSION = '45.4.1';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  sample?: string;
  manualReview?: boolean;
}

interface ScanResult {
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const WaiverFile = v.strictObject({
  $comment: v.optional(v.string()),
  waivers: v.array(
    v.strictObject({
      check: v.pipe(v.string(), v.regex(/^[A-Z_]+_CHECK$/, 'a check id such as CSP_GLOBAL_CHECK')),
      file: v.pipe(v.string(), v.minLength(1)),
      reason: v.pipe(v.string(), v.minLength(40, 'a reason a reviewer can judge')),
    }),
  ),
});

// The scanner fetches translations with `got` before every run (and crashes later on a retry
// timer when offline). Answering that one request with a 404 keeps the run offline and quiet;
// the AvailableSecurityFixes check, which needs the network too, is excluded below.
function loadScanner(): Run {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
  const scannerRequire = createRequire(runnerPath);
  const gotPath = scannerRequire.resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.resolve({ statusCode: 404, body: '' });
  require.cache[gotPath] = stub;
  return scannerRequire(runnerPath) as Run;
}

function scan(run: Run, input: string): Promise<ScanResult> {
  return run({
    input,
    electronVersionOverride: ELECTRON_VERSION,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
  });
}

function describeFinding(finding: Finding): string {
  const where = `${finding.file}:${finding.location.line}:${finding.location.column}`;
  return `${finding.id} at ${where}: ${finding.description}${finding.sample ? ` (${finding.sample.trim().slice(0, 80)})` : ''}`;
}

describe('the Electronegativity scan of electron/ and renderer/', () => {
  let folder: string;
  let run: Run;
  let result: ScanResult;
  let waivers: v.InferOutput<typeof WaiverFile>['waivers'];

  beforeAll(async () => {
    run = loadScanner();
    // One scan over both folders: the global checks (CSP, navigation limits, permission handler)
    // must see the main process and the page together, as they run together.
    folder = mkdtempSync(join(tmpdir(), 'apparatus-eng-'));
    for (const part of ['electron', 'renderer']) cpSync(join(ROOT, part), join(folder, 'app', part), { recursive: true });
    result = await scan(run, join(folder, 'app'));
    waivers = v.parse(WaiverFile, JSON.parse(readFileSync(join(ROOT, 'electronegativity.json'), 'utf8'))).waivers;
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads every source file, so no file escapes the checks', () => {
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors.map((error) => `${error.file}: ${error.message}`)).toEqual([]);
  });

  it('reports nothing that electronegativity.json does not waive with a reason', () => {
    const waived = (finding: Finding) => waivers.some((waiver) => waiver.check === finding.id && waiver.file === finding.file);
    expect(result.issues.filter((finding) => !waived(finding)).map(describeFinding)).toEqual([]);
  });

  it('keeps no waiver that no longer matches a finding', () => {
    const stale = waivers.filter((waiver) => !result.issues.some((finding) => finding.id === waiver.check && finding.file === waiver.file));
    expect(stale.map((waiver) => `${waiver.check} in ${waiver.file}`)).toEqual([]);
  });

  it('waives each check in each file at most once', () => {
    const keys = waivers.map((waiver) => `${waiver.check} ${waiver.file}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('catches a window that gives the page Node, so the gate can fail', async () => {
    const bad = join(folder, 'bad');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'main.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
    );
    const ids = (await scan(run, bad)).issues.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
  });
});
