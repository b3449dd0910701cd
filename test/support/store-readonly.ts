/**
 * Making a folder or file read-only in a way that also binds root (tests run as root, where
 * chmod stops nothing): the immutable attribute (`chattr +i`) where the file system supports it,
 * else plain permissions for ordinary users. The returned function undoes it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `path` read-only; call the result to make it writable again. */
export function makeReadOnly(path: string): () => void {
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
  } catch {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, mode & ~0o222);
    return () => chmodSync(path, mode);
  }
}

/** True when a new file can be created in `folder` (the check that `makeReadOnly` worked). */
export function canCreateFileIn(folder: string): boolean {
  const probe = join(folder, `.probe-${process.pid}`);
  try {
    writeFileSync(probe, 'x');
  } catch {
    return false;
  }
  rmSync(probe, { force: true });
  return true;
}
