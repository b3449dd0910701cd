/**
 * A UTF-8 file's text read from its bytes a piece at a time (`PageText`): a long web page is cleaned
 * without its text ever being one string, so it takes the file's size in memory once, not the two
 * bytes a character V8 gives a string with any character beyond Latin-1 (see `page-text.ts`).
 */
import { isAscii } from 'node:buffer';
import type { PageText } from '../../../core/clean/html-stream/html-stream.ts';

/** The text of bytes known to be valid UTF-8; a byte-order mark is kept, as `Buffer.toString` keeps it. */
export function utf8PageText(bytes: Buffer): PageText {
  return {
    length: utf16Length(bytes),
    *pieces(size: number) {
      for (let at = 0; at < bytes.length; ) {
        // A piece ends before a character's first byte, never inside a character.
        let end = Math.min(bytes.length, at + size);
        while (end > at && end < bytes.length && isContinuation(bytes[end] as number)) end -= 1;
        if (end === at) for (end = at + 1; end < bytes.length && isContinuation(bytes[end] as number); ) end += 1;
        yield bytes.toString('utf8', at, end);
        at = end;
      }
    },
    whole: () => bytes.toString('utf8'),
  };
}

// A byte that continues a character (10xxxxxx), not the first of one.
function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** The length in UTF-16 code units of valid UTF-8 bytes, without decoding them. */
function utf16Length(bytes: Uint8Array): number {
  if (isAscii(bytes)) return bytes.length;
  let units = 0;
  // Every character starts with a byte that is not a continuation.
  for (const byte of bytes) if (!isContinuation(byte)) units += unitsOf(byte);
  return units;
}

// The UTF-16 code units of the character a first byte starts: two for a four-byte one, beyond the Basic Multilingual Plane.
function unitsOf(first: number): number {
  return first >= 0xf0 ? 2 : 1;
}

/**
 * The byte offsets in valid UTF-8 `bytes` of positions in their text (UTF-16 code units), given in
 * ascending order; a position is never inside a character.
 */
export function utf8Offsets(bytes: Uint8Array, positions: readonly number[]): number[] {
  const offsets: number[] = [];
  let units = 0;
  let at = 0;
  for (const position of positions) {
    while (units < position && at < bytes.length) {
      const first = bytes[at] as number;
      units += unitsOf(first);
      at += first < 0x80 ? 1 : first < 0xe0 ? 2 : first < 0xf0 ? 3 : 4;
    }
    offsets.push(at);
  }
  return offsets;
}
