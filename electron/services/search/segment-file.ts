/**
 * A stored segment as file bytes. A source's own segment is JSON (its description with the data
 * in base64), small and readable; a merged segment is binary: a magic line, the description's
 * length and JSON, a CRC-32 of the data, then the data. Either way the data is checked before
 * use, so a damaged file is rebuilt, never searched.
 */
import { crc32 } from 'node:zlib';
import { checkSegmentMeta, decodeSegment, SearchIndexError, type Segment, type StoredSegment } from '../../../core/search/index.ts';

const MAGIC = Buffer.from('APPARATUS-SEGMENT\n', 'latin1');

/** The bytes of a source's segment file (JSON). */
export function jsonSegmentFile(stored: StoredSegment): string {
  return JSON.stringify({ ...stored.meta, checksum: crc32(stored.data), data: Buffer.from(stored.data).toString('base64') });
}

/** The bytes of a merged segment file (binary). */
export function binarySegmentFile(stored: StoredSegment): Buffer {
  const meta = Buffer.from(JSON.stringify(stored.meta), 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt32LE(meta.length, 0);
  header.writeUInt32LE(crc32(stored.data), 4);
  return Buffer.concat([MAGIC, header.subarray(0, 4), meta, header.subarray(4), stored.data]);
}

function damaged(reason: string): SearchIndexError {
  return new SearchIndexError('malformed-shard', `A search index file is damaged (${reason}) and must be rebuilt.`);
}

function checked(data: Uint8Array, checksum: unknown): Uint8Array {
  if (checksum !== crc32(data)) throw damaged('its checksum does not match');
  return data;
}

/** The stored segment in a file's bytes; throws a `SearchIndexError` when stale or damaged. */
export function readSegmentFile(bytes: Buffer): StoredSegment {
  if (bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    let at = MAGIC.length;
    if (bytes.length < at + 8) throw damaged('it ends early');
    const metaLength = bytes.readUInt32LE(at);
    at += 4;
    if (bytes.length < at + metaLength + 4) throw damaged('it ends early');
    let meta: unknown;
    try {
      meta = JSON.parse(bytes.toString('utf8', at, at + metaLength));
    } catch {
      throw damaged('its description is unreadable');
    }
    const stale = checkSegmentMeta(meta);
    if (stale instanceof SearchIndexError) throw stale;
    at += metaLength;
    const checksum = bytes.readUInt32LE(at);
    return { meta: stale, data: checked(bytes.subarray(at + 4), checksum) };
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('it is not readable JSON');
  }
  const meta = checkSegmentMeta(envelope);
  if (meta instanceof SearchIndexError) throw meta;
  const { data, checksum } = envelope as { data?: unknown; checksum?: unknown };
  if (typeof data !== 'string') throw damaged('its data is missing');
  return { meta, data: checked(Buffer.from(data, 'base64'), checksum) };
}

/** A file's segment, decoded and checked. */
export function decodeSegmentFile(bytes: Buffer): Segment {
  return decodeSegment(readSegmentFile(bytes));
}
