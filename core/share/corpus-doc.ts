/**
 * The group's sources: an index (`GROUP/corpus`) naming each source with a hash of its text, one
 * document per source with its cleaned text (`GROUP/source/ID`), and one per raw file
 * (`GROUP/raw/ID`, in chunks) so that a member can list and compare sources without loading large
 * PDFs. A source's text is one value settled by last writer wins; the history of each source
 * document records every text it had (by hash) and who wrote it.
 */
import * as Y from 'yjs';
import { ShareError } from './errors.ts';
import type { SharedSourceEntry } from './model.ts';
import { asRecord, isId, isText } from './values.ts';

const SOURCES = 'sources';
const SOURCE = 'source';
const HISTORY = 'history';
const RAW = 'raw';

/** Raw files are sent in pieces of this size, so no single change grows too large. */
export const RAW_CHUNK_BYTES = 1024 * 1024;

/** The largest raw file a group shares: big scanned PDFs are kept locally. */
export const MAX_RAW_BYTES = 64 * 1024 * 1024;

/** A source's cleaned text as shared, with who wrote it and what it replaced. */
export interface SharedSourceText {
  text: string;
  hash: string;
  by: string;
  at: string;
  history: { at: string; by: string; hash: string }[];
}

/** A source's raw file as shared. */
export interface SharedRawFile {
  name: string;
  /** The hash of `bytes`. */
  hash: string;
  bytes: Uint8Array;
  /** The source's recipe (`recipes/ID.yml`), which names the raw file and, for a PDF, its page labels. */
  recipe?: string;
}

/** Adds or replaces a source's entry in the corpus index; returns whether it changed. */
export function writeCorpusEntry(doc: Y.Doc, entry: SharedSourceEntry): boolean {
  const root = doc.getMap<unknown>(SOURCES);
  const current = readEntry(root.get(entry.id));
  if (current && JSON.stringify(current) === JSON.stringify(plainEntry(entry))) return false;
  root.set(entry.id, plainEntry(entry));
  return true;
}

/** Every well-formed entry of the corpus index, sorted by id. */
export function readCorpus(doc: Y.Doc): SharedSourceEntry[] {
  const entries: SharedSourceEntry[] = [];
  for (const [id, value] of doc.getMap<unknown>(SOURCES).entries()) {
    const entry = readEntry(value);
    if (entry && entry.id === id) entries.push(entry);
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** Writes a source's cleaned text unless it is already the shared one; returns whether it changed. */
export function writeSourceText(doc: Y.Doc, text: string, hash: string, by: string, at: string): boolean {
  const current = readCurrentText(doc);
  if (current?.hash === hash && current.text === text) return false;
  doc.transact(() => {
    // One value, so a concurrent write never mixes one writer's text with the other's hash.
    doc.getMap<unknown>(SOURCE).set('current', { text, hash, by, at });
    doc.getArray<unknown>(HISTORY).push([{ at, by, hash }]);
  });
  return true;
}

/** A source document's text, or undefined when it holds none (yet). */
export function readSourceText(doc: Y.Doc): SharedSourceText | undefined {
  const current = readCurrentText(doc);
  if (!current) return undefined;
  const history = doc.getArray<unknown>(HISTORY).toArray().flatMap((item) => {
    const record = asRecord(item);
    return record && isText(record.at) && isText(record.by) && isText(record.hash) ? [{ at: record.at, by: record.by, hash: record.hash }] : [];
  });
  return { ...current, history };
}

function readCurrentText(doc: Y.Doc): Omit<SharedSourceText, 'history'> | undefined {
  const record = asRecord(doc.getMap<unknown>(SOURCE).get('current'));
  if (!record || !isText(record.text) || !isText(record.hash) || !isText(record.by) || !isText(record.at)) return undefined;
  return { text: record.text, hash: record.hash, by: record.by, at: record.at };
}

/**
 * Writes a source's raw file (as one value, so two writers never mix their chunks) unless the
 * shared one has the same hash. Refuses files over `MAX_RAW_BYTES`.
 */
export function writeRawFile(doc: Y.Doc, file: SharedRawFile): boolean {
  if (file.bytes.byteLength > MAX_RAW_BYTES) {
    const megabytes = Math.round(MAX_RAW_BYTES / 1024 / 1024);
    throw new ShareError('too-large', `The raw file ${file.name} is larger than ${megabytes} MB and stays on this computer; its cleaned text is shared.`);
  }
  const root = doc.getMap<unknown>(RAW);
  const current = root.get('file');
  if (current instanceof Y.Map && current.get('hash') === file.hash && current.get('recipe') === file.recipe) return false;
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    root.set('file', entry);
    entry.set('name', file.name);
    entry.set('hash', file.hash);
    entry.set('size', file.bytes.byteLength);
    if (file.recipe !== undefined) entry.set('recipe', file.recipe);
    const chunks = new Y.Array<Uint8Array>();
    entry.set('chunks', chunks);
    const pieces: Uint8Array[] = [];
    for (let start = 0; start < file.bytes.byteLength; start += RAW_CHUNK_BYTES) {
      pieces.push(file.bytes.slice(start, start + RAW_CHUNK_BYTES));
    }
    chunks.push(pieces);
  });
  return true;
}

/** A raw file document's file, or undefined when it holds none or an incomplete one. */
export function readRawFile(doc: Y.Doc): SharedRawFile | undefined {
  const entry = doc.getMap<unknown>(RAW).get('file');
  if (!(entry instanceof Y.Map)) return undefined;
  const name = entry.get('name');
  const hash = entry.get('hash');
  const size = entry.get('size');
  const chunks = entry.get('chunks');
  if (!isText(name) || !isText(hash) || typeof size !== 'number' || !(chunks instanceof Y.Array)) return undefined;
  const pieces = chunks.toArray().filter((piece): piece is Uint8Array => piece instanceof Uint8Array);
  const total = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  if (total !== size) return undefined;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  const recipe = entry.get('recipe');
  return isText(recipe) ? { name, hash, bytes, recipe } : { name, hash, bytes };
}

function plainEntry(entry: SharedSourceEntry): SharedSourceEntry {
  const plain: SharedSourceEntry = { id: entry.id, title: entry.title, hash: entry.hash, by: entry.by, at: entry.at };
  if (entry.raw) plain.raw = { name: entry.raw.name, hash: entry.raw.hash, size: entry.raw.size };
  return plain;
}

function readEntry(value: unknown): SharedSourceEntry | undefined {
  const record = asRecord(value);
  if (!record || !isId(record.id) || !isText(record.title) || !isText(record.hash) || !isText(record.by) || !isText(record.at)) return undefined;
  const entry: SharedSourceEntry = { id: record.id, title: record.title, hash: record.hash, by: record.by, at: record.at };
  const raw = asRecord(record.raw);
  if (raw && isText(raw.name) && isText(raw.hash) && typeof raw.size === 'number') entry.raw = { name: raw.name, hash: raw.hash, size: raw.size };
  return entry;
}
