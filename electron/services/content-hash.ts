import { createHash } from 'node:crypto';

/** SHA-256 of a file's bytes (or a text's UTF-8), in hex: what tells whether a source changed. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
