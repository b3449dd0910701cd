import { serializeFrontMatter } from './front-matter.ts';
import type { Block, Note, Source } from './model.ts';
import { NOTE_LABEL_PATTERN } from './markdown-parser.ts';
import { normalizeSource, numberBlocks } from './normalize-source.ts';
import { serializeInlines } from './serialize-inlines.ts';
import { SourceFormatError } from './source-format-error.ts';

/**
 * Writes a Source as a cleaned file: front matter in a fixed key order, then one line per block
 * (quote paragraphs separated by a `>` line, list items on consecutive lines, other blocks by a
 * blank line), then the notes in order, their further blocks indented by four spaces.
 * `parseSource` of the result equals `normalizeSource(source)`, and writing that again gives the
 * same text. A Source no cleaned file can express (a reference to a missing note, a control
 * character, an invalid heading level …) throws a `SourceFormatError`.
 */
export function serializeSource(source: Source): string {
  if (source.id !== source.meta.csl.id) {
    throw new SourceFormatError(
      'unrepresentable',
      `the source id "${source.id}" differs from its metadata id "${source.meta.csl.id}"`,
    );
  }
  const normal = normalizeSource(source);
  checkNotes(normal);
  return `---\n${serializeFrontMatter(normal.meta)}---\n${layoutBody(normal)}`;
}

/**
 * What follows the front matter in the cleaned file of a source with these blocks and notes, as a
 * cleaner gives them (numbered and normalised here as `serializeSource` does): `serializeSource`
 * of the source is its front matter followed by this, so the body of a long source can be written
 * before its metadata is known. Throws a `SourceFormatError` as `serializeSource` does.
 */
export function serializeBody(blocks: readonly Block[], notes: readonly Note[]): string {
  return [...serializeBodyPieces(blocks, notes)].join('');
}

/**
 * `serializeBody` in pieces, one block at a time, each block normalised only when it is written:
 * a long source is written without a normalised copy of its blocks or one string of its text.
 */
export function* serializeBodyPieces(blocks: readonly Block[], notes: readonly Note[]): Generator<string> {
  const numbered = numberBlocks([], notes).notes;
  const labels = noteLabels(numbered);
  let previous: Block | undefined;
  let count = 0;
  for (const block of blocks) {
    const normal = numberBlocks([block], []).blocks[0];
    if (normal === undefined) continue;
    count += 1;
    const numberedBlock = { ...normal, id: `b${count}` };
    checkRefs(numberedBlock, labels);
    yield (previous === undefined ? '\n' : separator(previous, numberedBlock, '')) + blockLine(numberedBlock);
    previous = numberedBlock;
  }
  for (const note of numbered) note.blocks.forEach((block) => checkRefs(block, labels));
  for (const [i, note] of numbered.entries()) {
    const [first, ...rest] = note.blocks;
    let text = `${count === 0 && i === 0 ? '\n' : '\n\n'}[^${note.label}]:`;
    if (first) text += ` ${blockLine(first)}`;
    if (rest.length > 0) text += separator(first, rest[0] as Block, '    ') + layoutBlocks(rest, '    ');
    yield text;
  }
  if (count > 0 || numbered.length > 0) yield '\n';
}

function layoutBody(normal: { blocks: readonly Block[]; notes: readonly Note[] }): string {
  let out = '';
  const sections: string[] = [];
  if (normal.blocks.length > 0) sections.push(layoutBlocks(normal.blocks, ''));
  for (const note of normal.notes) {
    const [first, ...rest] = note.blocks;
    let text = `[^${note.label}]:`;
    if (first) text += ` ${blockLine(first)}`;
    if (rest.length > 0) {
      text += separator(first, rest[0] as Block, '    ') + layoutBlocks(rest, '    ');
    }
    sections.push(text);
  }
  if (sections.length > 0) out += `\n${sections.join('\n\n')}\n`;
  return out;
}

function layoutBlocks(blocks: readonly Block[], indent: string): string {
  let out = '';
  blocks.forEach((block, i) => {
    if (i > 0) out += separator(blocks[i - 1], block, indent);
    out += indent + blockLine(block);
  });
  return out;
}

/** Between blocks: a `>` line inside a quotation, a newline inside a list, else a blank line. */
function separator(previous: Block | undefined, next: Block, indent: string): string {
  if (previous?.type === 'quote' && next.type === 'quote') return `\n${indent}>\n`;
  if (previous?.type === 'item' && next.type === 'item') return '\n';
  return '\n\n';
}

function blockLine(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const level = block.level ?? 1;
      if (!Number.isInteger(level) || level < 1 || level > 6) {
        throw new SourceFormatError(
          'unrepresentable',
          `block ${block.id} is a heading of level ${level}; levels run from 1 to 6`,
        );
      }
      return `${'#'.repeat(level)} ${serializeInlines(block.content, 'heading')}`;
    }
    case 'paragraph':
      return serializeInlines(block.content, 'text');
    case 'quote':
      return `> ${serializeInlines(block.content, 'text')}`;
    case 'item':
      return `- ${serializeInlines(block.content, 'text')}`;
  }
}

function checkNotes(source: { blocks: readonly Block[]; notes: readonly Note[] }): void {
  const labels = noteLabels(source.notes);
  for (const block of [...source.blocks, ...source.notes.flatMap((note) => note.blocks)]) checkRefs(block, labels);
}

function noteLabels(notes: readonly Note[]): Set<string> {
  const labels = new Set<string>();
  for (const note of notes) {
    if (labels.has(note.label)) {
      throw new SourceFormatError('unrepresentable', `two notes share the label "${note.label}"`);
    }
    if (!NOTE_LABEL_PATTERN.test(note.label)) {
      throw new SourceFormatError(
        'unrepresentable',
        `the note label "${note.label}" may not be empty or contain spaces, brackets, ^ or \\`,
      );
    }
    labels.add(note.label);
  }
  return labels;
}

function checkRefs(block: Block, labels: ReadonlySet<string>): void {
  for (const inline of block.content) {
    if (inline.type === 'noteRef' && !labels.has(inline.label)) {
      throw new SourceFormatError(
        'unrepresentable',
        `block ${block.id} refers to the note "${inline.label}", which the source does not have`,
      );
    }
  }
}
