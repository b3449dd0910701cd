/**
 * The one message Apparatus adds to the Yjs sync protocol, as Hocuspocus stateless messages: a
 * client asks which of its changes the server holds, and the server answers with a snapshot of
 * its copy (state vector and deletions). A change is acknowledged once the snapshot contains it;
 * as the server writes every change to disk while applying it, a snapshot never claims more than
 * the server would still have after a crash.
 */

/** What a client sends to ask for a checkpoint. */
export const CHECKPOINT_REQUEST = 'apparatus/checkpoint';

const REPLY_PREFIX = 'apparatus/snapshot ';

/** The server's answer carrying the encoded snapshot of its document. */
export function checkpointReply(snapshot: Uint8Array): string {
  return `${REPLY_PREFIX}${toBase64(snapshot)}`;
}

/** The encoded snapshot a stateless message carries, or undefined when it is no checkpoint reply. */
export function readCheckpointReply(payload: string): Uint8Array | undefined {
  if (!payload.startsWith(REPLY_PREFIX)) return undefined;
  try {
    return fromBase64(payload.slice(REPLY_PREFIX.length));
  } catch {
    return undefined;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    text += ALPHABET[(triple >> 18) & 63];
    text += ALPHABET[(triple >> 12) & 63];
    text += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=';
    text += i + 2 < bytes.length ? ALPHABET[triple & 63] : '=';
  }
  return text;
}

function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('not base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j += 1) {
      const char = text[i + j] ?? '=';
      const value = char === '=' ? 0 : ALPHABET.indexOf(char);
      if (value < 0) throw new Error('not base64');
      triple = (triple << 6) | value;
    }
    for (const shift of [16, 8, 0]) {
      if (out < bytes.length) bytes[out++] = (triple >> shift) & 255;
    }
  }
  return bytes;
}
