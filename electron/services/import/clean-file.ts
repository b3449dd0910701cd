/**
 * Reading and cleaning one text file to import (plain text, Markdown, a web page): the step that
 * runs in the import worker, once per import. Everything `commit` needs comes out of it: the
 * cleaned body, the raw copy to keep, and the hash of the file's bytes, so that the file is never
 * cleaned a second time and a change before `commit` is noticed.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { cleaners } from '../../../core/clean/cleaners.ts';
import { detectForm, type DetectedForm } from '../../../core/clean/detect-form.ts';
import type { ConvertibleEncoding } from '../../../core/clean/encodings.ts';
import { type HtmlCut, applyCuts } from '../../../core/clean/html-stream/html-stream.ts';
import { FrontMatterError } from '../../../core/clean/markdown/markdown.ts';
import { readingTextOf } from '../../../core/corpus/reading-text.ts';
import { serializeBodyPieces } from '../../../core/corpus/serialize-source.ts';
import type { Block, Note } from '../../../core/corpus/model.ts';
import { LARGE_PAGE_CHARS, cleanHtmlPage } from './html-cleaner.ts';
import { ImportError } from './import-error.ts';
import { type ImportFile, readImportFile } from './read-import-file.ts';
import { utf8Offsets } from './utf8-page.ts';

/**
 * A cleaned body as it crosses from the worker: what the cleaner found and how many blocks and notes
 * it gave, with the text already in the corpus format (`serializeBody`, as UTF-8), so that a long
 * source's blocks are never copied between threads nor held until `commit`.
 */
export type WrittenBody = Omit<CleanedBody, 'blocks' | 'notes'> & { blocks: number; notes: number; text: Uint8Array };

/** What cleaning a file gave. Plain data: it crosses from the worker thread as it is (`body.text` moved, not copied). */
export interface CleanedFile {
  form: DetectedForm;
  body: WrittenBody;
  /** The raw copy's text: the page without anything active (HTML), or the text converted to UTF-8; absent when the file's bytes are kept as they are. */
  raw?: string;
  /**
   * For a web page in UTF-8: the raw copy as cuts of the file's bytes (byte offsets, in order), so
   * that it is written from the file at `commit` (`cutBytes`) instead of crossing from the worker
   * and being held as text.
   */
  rawCuts?: HtmlCut[];
  /** The SHA-256 of the file's bytes, to notice a change before `commit`. */
  sha256: string;
  /** The file's extension, lower case, without the dot. */
  extension: string;
  /** The encoding the text was converted from; absent for UTF-8. */
  encoding?: ConvertibleEncoding;
}

/** What to clean, and the limits. */
export interface CleanFileInput {
  path: string;
  maxBytes: number;
  maxTextChars: number;
  /** The encoding the user confirmed for a file that is not UTF-8. */
  encoding?: ConvertibleEncoding;
  /** Convert a file in a convertible encoding without confirmation (the window asks before commit). */
  preview?: boolean;
  /** Read web pages longer than this as a stream, and tell how far a longer text file's cleaning has come; default `LARGE_PAGE_CHARS`. */
  largePageChars?: number;
}

/** The stages a file goes through, for progress. */
export type CleanStage = 'reading' | 'cleaning';

/** How far cleaning a file has come: its stage and, where the cleaning can tell, how far into it (0 to 1). */
export interface CleanProgress {
  stage: CleanStage;
  fraction?: number;
}

/** Reads, checks and cleans the file; throws an `ImportError` written for the user. */
export function cleanImportFile(input: CleanFileInput, onStage: (progress: CleanProgress) => void = () => {}): CleanedFile {
  const name = basename(input.path);
  // The file's text is let go once cleaned: the body is written out without it.
  const { body, ...cleaned } = cleanText(name, input, onStage);
  checkBody(name, cleaned.form, body, input.maxTextChars);
  const { blocks, notes, ...facts } = body;
  let text: Uint8Array;
  try {
    text = encodedBody(blocks, notes);
  } catch (error) {
    throw new ImportError('no-text', `The cleaned source could not be written in the corpus format: ${(error as Error).message}`, { cause: error });
  }
  return { ...cleaned, body: { ...facts, blocks: blocks.length, notes: notes.length, text } };
}

// The body in the corpus format as UTF-8, encoded a piece at a time: its text is never one string.
function encodedBody(blocks: readonly Block[], notes: readonly Note[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let pending = '';
  for (const piece of serializeBodyPieces(blocks, notes)) {
    pending += piece;
    if (pending.length >= 64 * 1024) {
      chunks.push(encoder.encode(pending));
      pending = '';
    }
  }
  chunks.push(encoder.encode(pending));
  const text = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    text.set(chunk, offset);
    offset += chunk.length;
  }
  return text;
}

// The file read and cleaned: its body, and everything else `commit` needs but the written body.
function cleanText(name: string, input: CleanFileInput, onStage: (progress: CleanProgress) => void): Omit<CleanedFile, 'body'> & { body: CleanedBody } {
  onStage({ stage: 'reading' });
  const file = readHashed(input);
  const form = detectForm(name, () => file.text.whole());
  onStage({ stage: 'cleaning' });
  let body: CleanedBody;
  let raw: string | undefined;
  let rawCuts: HtmlCut[] | undefined;
  try {
    if (form === 'html') {
      // A UTF-8 page is read from the file's bytes a piece at a time on each pass (`utf8PageText`);
      // a converted one is a string already, and its bytes are let go.
      if (file.encoding !== undefined) release(file.bytes);
      const page = cleanHtmlPage(file.text, {
        ...(input.largePageChars === undefined ? {} : { largePageChars: input.largePageChars }),
        onProgress: (fraction) => onStage({ stage: 'cleaning', fraction }),
      });
      body = page.body;
      if (file.encoding === undefined) {
        rawCuts = byteCuts(file.bytes, file.text.length, page.cuts);
        release(file.bytes);
      } else {
        raw = applyCuts(file.text.whole(), page.cuts);
      }
    } else {
      const cleaner = cleaners[form];
      if (!cleaner) throw new Error(`no cleaner for ${form}`);
      const text = file.text.whole();
      // The bytes are let go before cleaning, which needs only the text.
      release(file.bytes);
      if (file.encoding !== undefined) raw = text;
      // As with web pages, only a long file's cleaning tells how far it has come: a short one takes a moment.
      const long = text.length > (input.largePageChars ?? LARGE_PAGE_CHARS);
      body = cleaner(text, undefined, long ? (fraction) => onStage({ stage: 'cleaning', fraction }) : undefined);
    }
  } catch (error) {
    if (error instanceof FrontMatterError) {
      throw new ImportError('invalid-front-matter', `“${name}” cannot be imported: ${error.message}`, { cause: error });
    }
    throw new ImportError('no-text', `The text of “${name}” could not be cleaned as ${describeForm(form)}: ${(error as Error).message}`, { cause: error });
  }
  return {
    form,
    body,
    ...(raw === undefined ? {} : { raw }),
    ...(rawCuts === undefined ? {} : { rawCuts }),
    sha256: file.sha256,
    extension: file.extension,
    ...(file.encoding === undefined ? {} : { encoding: file.encoding }),
  };
}

// The file's bytes, text and hash.
function readHashed(input: CleanFileInput): ImportFile & { sha256: string } {
  const file = readImportFile(input.path, input.maxBytes, {
    ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
    ...(input.preview === undefined ? {} : { preview: input.preview }),
  });
  return { ...file, sha256: sha256(file.bytes) };
}

// Frees a large file's bytes at once, rather than at the next full collection, which a page's cleaning may not reach.
function release(bytes: Buffer): void {
  const buffer = bytes.buffer;
  // Only bytes that own their memory: a small file's may share a pool with other buffers.
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || buffer.byteLength !== bytes.length || bytes.length <= 64 * 1024) return;
  // `transfer` (ES2024, in Node since 21) detaches the buffer and lets its memory go; the project's types stop at ES2023.
  (buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0);
}

/** Cuts of a UTF-8 file's text (`length` UTF-16 code units; cuts in them) as cuts of its bytes. */
function byteCuts(bytes: Buffer, length: number, cuts: readonly HtmlCut[]): HtmlCut[] {
  // As many code units as bytes: the text is ASCII, and every position is its own byte offset.
  if (length === bytes.length) return [...cuts];
  const offsets = utf8Offsets(
    bytes,
    cuts.flatMap((cut) => [cut.start, cut.end]),
  );
  return cuts.map((cut, i) => ({ start: offsets[2 * i] as number, end: offsets[2 * i + 1] as number, by: cut.by }));
}

/** The file's bytes with cuts of its bytes applied, as pieces to write one after another (no copy of the bytes). */
export function cutBytes(bytes: Buffer, cuts: readonly HtmlCut[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let kept = 0;
  for (const cut of cuts) {
    pieces.push(bytes.subarray(kept, cut.start));
    if (cut.by !== '') pieces.push(Buffer.from(cut.by, 'utf8'));
    kept = cut.end;
  }
  pieces.push(bytes.subarray(kept));
  return pieces;
}

/** Refuses a cleaned body with no text to read, or too long to read without freezing the window. */
export function checkBody(name: string, form: DetectedForm, body: CleanedBody, maxTextChars: number): void {
  const text = body.blocks.length === 0 ? '' : readingTextOf(body.blocks, body.notes).text;
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(text)) {
    throw new ImportError(
      'no-text',
      `No text was found in “${name}”: after cleaning it as ${describeForm(form)}, ` +
        'no paragraph is left. Check that the file holds the text of the source.',
    );
  }
  if (text.length > maxTextChars) {
    throw new ImportError(
      'too-large',
      `The text of “${name}” is too long for one source: ${millions(text.length)} characters ` +
        `once cleaned, over the limit of ${millions(maxTextChars)}. Split it into parts ` +
        '(for example one per chapter) and import each.',
    );
  }
}

/** The SHA-256 of bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The form in words: "a web page", "Markdown". */
export function describeForm(form: DetectedForm): string {
  const names: Record<DetectedForm, string> = {
    html: 'a web page',
    markdown: 'Markdown',
    plain: 'plain text',
    wikitext: 'WikiText',
    'pdf-text': 'text extracted from a PDF',
    paraphrase: 'a paraphrase',
    'web-page': 'a copied web page',
    pdf: 'a PDF',
  };
  return names[form];
}

/** A character count for people: "2 million", "3.4 million", "850,000". */
function millions(count: number): string {
  if (count < 1_000_000) return count.toLocaleString('en');
  return `${Number((count / 1_000_000).toFixed(1))} million`;
}
