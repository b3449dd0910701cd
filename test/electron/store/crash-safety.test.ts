import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { makeTempProject } from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

const WRITER = fileURLToPath(new URL('../../support/store-writer.ts', import.meta.url));
const TRIALS = Math.max(1, Number(process.env.APPARATUS_CRASH_TRIALS ?? 5) || 5);

interface Trial {
  acknowledged: string[];
  delayMs: number;
  signal: NodeJS.Signals | null;
  stderr: string;
}

// Runs the writer, kills it with SIGKILL `delayMs` after its first acknowledged save, and
// returns every id it printed as a complete line (a line is printed only after its commit).
function runWriter(file: string, delayMs: number): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', WRITER, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (timer === undefined && stdout.includes('\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      const lines = stdout.split('\n');
      resolve({ acknowledged: lines.slice(0, -1).filter(Boolean), delayMs, signal, stderr });
    });
  });
}

function integrity(file: string): string {
  const db = new DatabaseSync(file);
  try {
    const rows = db.prepare('PRAGMA integrity_check').all();
    return rows.map((row) => String(Object.values(row)[0])).join('\n');
  } finally {
    db.close();
  }
}

describe('project store crash safety', () => {
  let project: TempProject;
  beforeEach(() => {
    project = makeTempProject();
  });
  afterEach(() => project.remove());

  it(
    `keeps every acknowledged highlight when the writer is killed at random (${TRIALS} trials)`,
    async () => {
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const file = `${project.dir}/trial-${trial}/project.sqlite`;
        const result = await runWriter(file, Math.floor(Math.random() * 120));
        const context =
          `trial ${trial}, killed ${result.delayMs} ms after the first save; ` +
          `stderr: ${result.stderr}`;
        expect(result.signal, context).toBe('SIGKILL');
        expect(result.acknowledged.length, context).toBeGreaterThan(0);

        expect(integrity(file), context).toBe('ok');
        const store = openProjectStore(file);
        try {
          const present = new Set(store.list().map((annotation) => annotation.id));
          const lost = result.acknowledged.filter((id) => !present.has(id));
          expect(lost, context).toEqual([]);
          expect(store.checkIntegrity(), context).toEqual([]);
          const tag = store.listTags()[0]!;
          expect(tag.usage, context).toBe(present.size);
        } finally {
          store.close();
        }
      }
    },
    TRIALS * 15_000,
  );
});
