import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic } from '../../../electron/services/atomic-write.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-write-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

function failure(fn: () => unknown): AtomicWriteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AtomicWriteError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves nothing else in the folder', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'out.md'), bytes('hello'));
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('never replaces an existing file unless told to', () => {
    const dir = tempDir();
    const file = join(dir, 'out.md');
    writeFileSync(file, 'old');
    const error = failure(() => writeFileAtomic(file, bytes('new')));
    expect(error.code).toBe('file-exists');
    expect(error.message).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('old');
    writeFileAtomic(file, bytes('new'), { overwrite: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('leaves no temporary file behind when the final step fails', () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    const error = failure(() => writeFileAtomic(target, bytes('x'), { overwrite: true }));
    expect(error.code).toBe('write-failed');
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('says plainly when the folder does not exist', () => {
    const dir = tempDir();
    const error = failure(() => writeFileAtomic(join(dir, 'missing', 'out.md'), bytes('x')));
    expect(error.message).toMatch(/could not be written: its folder does not exist\.$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
