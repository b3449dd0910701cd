/**
 * Reading the header of SQLite's WAL index (the `-shm` file) without SQLite: how many frames the
 * journal held and how many of them had already been copied into the database file. The store
 * reads it only when the journal (`-wal`) itself is gone and no connection holds the project, to
 * tell whether commits went with it. (Reading means closing a descriptor of the file, which would
 * drop this process's locks on it: never do it while this process has the project open.)
 * Layout: https://sqlite.org/walformat.html (two copies of a 48-byte header, then the
 * checkpoint information; integers in the byte order of the machine that wrote them).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

const HEADER_BYTES = 48;
const CHECKPOINT_INFO_END = 2 * HEADER_BYTES + 40;
const WAL_INDEX_VERSION = 3007000;

/** What the WAL index says about the journal it describes. */
export interface WalIndexHeader {
  /** Frames committed to the journal. */
  frames: number;
  /** Of those, the frames already copied into the database file. */
  copied: number;
  /** The inode of the index file read, to tell it from one created since. */
  inode: number;
}

/**
 * The header of the WAL index `shmFile`, or undefined when there is none, it is too short, or its
 * two copies disagree (it was never completed, so it promises nothing).
 */
export function readWalIndex(shmFile: string): WalIndexHeader | undefined {
  const bytes = Buffer.alloc(CHECKPOINT_INFO_END);
  let read: number;
  let inode: number;
  try {
    const fd = openSync(shmFile, 'r');
    try {
      inode = fstatSync(fd).ino;
      read = readSync(fd, bytes, 0, bytes.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (read < CHECKPOINT_INFO_END) return undefined;
  const first = bytes.subarray(0, HEADER_BYTES);
  if (!first.equals(bytes.subarray(HEADER_BYTES, 2 * HEADER_BYTES))) return undefined;
  const u32 = (offset: number) =>
    endianness() === 'LE' ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset);
  const initialised = bytes[12] === 1;
  if (!initialised || u32(0) !== WAL_INDEX_VERSION) return undefined;
  return { frames: u32(16), copied: u32(2 * HEADER_BYTES), inode };
}
