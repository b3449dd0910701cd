import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeNewFilesAtomic } from '../../../electron/services/atomic-write.ts';

describe('atomic-write', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'apparatus-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a file with exactly the given bytes and leaves no temporary file', () => {
    writeFileAtomic(join(dir, 'a.txt'), new Uint8Array([0xc3, 0xab, 0x0a]));
    expect(readFileSync(join(dir, 'a.txt'))).toEqual(Buffer.from([0xc3, 0xab, 0x0a]));
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('never overwrites an existing file', () => {
    writeFileSync(join(dir, 'a.txt'), 'old');
    expect(() => writeFileAtomic(join(dir, 'a.txt'), 'new')).toThrow('A file already exists');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('removes every file and folder it created when a later file fails', () => {
    writeFileSync(join(dir, 'taken.md'), 'old');
    const files = [
      { path: join(dir, 'raw', 'x.txt'), data: 'raw' },
      { path: join(dir, 'recipes', 'x.yml'), data: 'recipe' },
      { path: join(dir, 'taken.md'), data: 'new' },
    ];
    expect(() => writeNewFilesAtomic(files)).toThrow('A file already exists');
    expect(readdirSync(dir)).toEqual(['taken.md']);
    expect(readFileSync(join(dir, 'taken.md'), 'utf8')).toBe('old');
  });
});
