/** Ways to damage a database file on purpose, for the project store's corruption tests. */
import { closeSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';

/** Cuts `file` down to `fraction` of its size (0 empties it). */
export function truncateTo(file: string, fraction: number): void {
  truncateSync(file, Math.floor(statSync(file).size * fraction));
}

/** Overwrites `length` bytes of `file` at `offset` with pseudo-random bytes, the same per seed. */
export function scribble(file: string, offset: number, length: number, seed = 1): void {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    // xorshift32: cheap, deterministic noise
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `file` with a text file that is not a database at all. */
export function replaceWithText(file: string): void {
  const line = 'Notes for chapter 3\n- check the 1961 Moscow conference minutes\n';
  writeFileSync(file, line.repeat(50));
}
