/**
 * Variable-length integers in a byte stream: the compact form of postings, positions and
 * document tables. Seven bits per byte, low bits first; small numbers (deltas) take one byte.
 */

/** A growable byte buffer written with varints and raw bytes. */
export class ByteWriter {
  #bytes: Uint8Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  #reserve(extra: number): void {
    const needed = this.#length + extra;
    if (needed <= this.#bytes.length) return;
    let capacity = this.#bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  /** Writes a non-negative integer below 2^53. */
  varint(value: number): void {
    this.#reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes[this.#length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes[this.#length++] = rest;
  }

  /** Writes one byte. */
  byte(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = value & 0xff;
  }

  /** Appends raw bytes. */
  bytes(value: Uint8Array): void {
    this.#reserve(value.length);
    this.#bytes.set(value, this.#length);
    this.#length += value.length;
  }

  /** The bytes written, trimmed to their length (a copy, so the writer can be reused). */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

/** The error a damaged or truncated stream raises. */
export class TruncatedError extends Error {
  constructor() {
    super('The data ends early or is damaged.');
    this.name = 'TruncatedError';
  }
}

/** Reads varints and bytes from a stream, checking bounds. */
export class ByteReader {
  readonly bytes: Uint8Array;
  offset: number;
  readonly end: number;

  constructor(bytes: Uint8Array, offset = 0, end = bytes.length) {
    this.bytes = bytes;
    this.offset = offset;
    this.end = end;
  }

  /** Reads one varint; throws `TruncatedError` past the end. */
  varint(): number {
    const bytes = this.bytes;
    let byte = bytes[this.offset++];
    if (byte === undefined || this.offset > this.end) throw new TruncatedError();
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80;
    for (;;) {
      byte = bytes[this.offset++];
      if (byte === undefined || this.offset > this.end || scale > 2 ** 49) throw new TruncatedError();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** Reads one byte. */
  byte(): number {
    const byte = this.bytes[this.offset++];
    if (byte === undefined || this.offset > this.end) throw new TruncatedError();
    return byte;
  }

  /** A view of the next `length` bytes. */
  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.end) throw new TruncatedError();
    const view = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }
}

/**
 * The hot path of postings: a varint at `state.offset` in `bytes`, without bounds checks beyond
 * what typed arrays give (a read past the end yields 0 and ends the loop). Segments are checked
 * once when loaded, so the query loop does not pay for it on every byte.
 */
export function readVarint(bytes: Uint8Array, state: { offset: number }): number {
  let byte = bytes[state.offset++] as number;
  if (byte < 0x80) return byte;
  let value = byte & 0x7f;
  let shift = 7;
  do {
    byte = bytes[state.offset++] as number;
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80 && shift < 28);
  if (byte >= 0x80) {
    // Values of 2^28 and more (never in postings of a sane corpus, but allowed) need floats.
    let scale = 2 ** 28;
    do {
      byte = bytes[state.offset++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
  }
  return value;
}
