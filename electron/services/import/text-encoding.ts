/**
 * Which character encoding a text file to import is in, and its conversion to UTF-8. A byte-order
 * mark names UTF-16 for certain; UTF-16 without one shows as zero bytes in every other place;
 * bytes that are not UTF-8 and hold no zero bytes are read as Windows-1252 (which has the curly
 * quotes and dashes that Latin-1 lacks) or Latin-1, unless most letters are outside ASCII, as in
 * Cyrillic or Greek code pages, which are not guessed at.
 */

import { isUtf8 as isValidUtf8 } from 'node:buffer';
import type { ConvertibleEncoding } from '../../../core/clean/encodings.ts';

/** What the bytes of a file are. */
export type DetectedEncoding =
  | { kind: 'utf-8' }
  | { kind: 'convertible'; encoding: ConvertibleEncoding; bom: boolean }
  | { kind: 'binary' }
  | { kind: 'unknown' };

/** Which encoding the bytes are in (see the module comment). */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { kind: 'convertible', encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'convertible', encoding: 'utf-16be', bom: true };
  if (bytes.includes(0)) {
    const order = utf16Order(bytes);
    return order ? { kind: 'convertible', encoding: order, bom: false } : { kind: 'binary' };
  }
  if (looksBinary(bytes)) return { kind: 'binary' };
  if (isUtf8(bytes)) return { kind: 'utf-8' };
  let c1 = 0;
  let high = 0;
  let letters = 0;
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) c1 += 1;
    if (byte >= 0xc0) high += 1;
    if (byte >= 0xc0 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) letters += 1;
  }
  // In French, German or Albanian written in these code pages, accented letters are a small share.
  if (letters === 0 || high / letters > 0.3) return { kind: 'unknown' };
  return { kind: 'convertible', encoding: c1 > 0 ? 'windows-1252' : 'latin1', bom: false };
}

/**
 * The bytes as text in `encoding`, without a byte-order mark; throws a `TypeError` where they are
 * not valid in it. Latin-1 is read as the Web reads it, as Windows-1252, which agrees with it on
 * every character a text uses.
 */
export function decodeText(bytes: Uint8Array, encoding: ConvertibleEncoding | 'utf-8'): string {
  const label = encoding === 'latin1' ? 'windows-1252' : encoding;
  return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
}

/** True when the bytes are valid UTF-8 (checked in place: a large file is not decoded to find out). */
export function isUtf8(bytes: Uint8Array): boolean {
  return isValidUtf8(bytes);
}

// UTF-16 without a byte-order mark: in text mostly of Latin script, every other byte is zero.
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const units = bytes.length / 2;
  if (oddZeros > units * 0.4 && evenZeros < units * 0.05) return 'utf-16le';
  if (evenZeros > units * 0.4 && oddZeros < units * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, line ends and form feed in over 2% of bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls += 1;
  }
  return controls > bytes.length / 50;
}
