/**
 * A real full disk for the store's tests: a small tmpfs mounted on a new temporary folder, which
 * `fill` fills to the last byte. Mounting needs root (CAP_SYS_ADMIN), as the tests run on CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted small disk. */
export interface SmallDisk {
  dir: string;
  /** Fills the disk with a file `filler` until the file system refuses more. */
  fill(): void;
  /** Deletes the filler: the disk has room again. */
  free(): void;
  /** Unmounts the disk and removes its folder. */
  remove(): void;
}

/** Mounts a tmpfs of `bytes` (default 4 MB). */
export function mountSmallDisk(bytes = 4 * 1024 * 1024): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('The full-disk tests mount a small tmpfs, which needs root.', { cause: error });
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      try {
        writeFileSync(filler, Buffer.alloc(bytes + 1024 * 1024));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
      const { bavail, bsize } = statfsSync(dir);
      if (bavail * bsize > 0) throw new Error(`the small disk still has ${bavail * bsize} bytes free`);
    },
    free: () => rmSync(filler, { force: true }),
    remove() {
      // A file still open on it (a failed test) makes a plain unmount fail: detach it anyway.
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['--lazy', dir], { stdio: 'pipe' });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
