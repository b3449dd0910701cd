import type { Token } from 'markdown-it';
import { parseFrontMatter, splitFile } from './front-matter.ts';
import { NOTE_LABEL_PATTERN, sharedMarkdownParser } from './markdown-parser.ts';
import type { Block, BlockType, Note, Source } from './model.ts';
import { normalizeMeta, numberBlocks } from './normalize-source.ts';
import { parseInlines } from './parse-inlines.ts';
import { SourceFormatError } from './source-format-error.ts';

const FORBIDDEN_BLOCKS: Record<string, string> = {
  ordered_list_open:
    'numbered lists are not part of the format; write `1\\.` for a number at the start of a line',
  code_block:
    'indented code blocks are not part of the format; a line must not start with four spaces',
  fence: 'fenced code blocks are not part of the format; write \\` or \\~ at the start of the line',
  hr: 'thematic breaks (---, ***) are not part of the format; write \\- at the start of the line',
  html_block: 'raw HTML is not part of the format',
};

/**
 * Reads a cleaned file (corpus/README.md) into a Source. Block ids are `b1`, `b2`, … for the body
 * and `n<label>`, `n<label>.2`, … for notes, which keep the order of their definitions. Text is
 * NFC-normalised and adjacent runs with the same marks are merged, so the result equals
 * `normalizeSource` of itself. Anything the format does not allow throws a `SourceFormatError`
 * whose message names the problem and its line.
 */
export function parseSource(text: string): Source {
  const { yaml, body, bodyOffset } = splitFile(text);
  const meta = normalizeMeta(parseFrontMatter(yaml));
  const tokens = sharedMarkdownParser().parse(body, {});
  const walked = walkBlocks(tokens, bodyOffset);
  checkNoteReferences(walked);
  return { id: meta.csl.id, meta, ...numberBlocks(walked.blocks, walked.notes) };
}

interface Walked {
  blocks: Block[];
  notes: Note[];
  /** File line of every block, for messages about references. */
  lines: Map<Block, number>;
}

function walkBlocks(tokens: readonly Token[], bodyOffset: number): Walked {
  const walked: Walked = { blocks: [], notes: [], lines: new Map() };
  const open: string[] = [];
  let target = walked.blocks;
  let line = bodyOffset + 1;
  let itemParagraphs = 0;
  const inside = (type: string): boolean => open.includes(type);
  const fail = (message: string): never => {
    throw new SourceFormatError('markdown', message, line);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.map) line = bodyOffset + token.map[0] + 1;
    const forbidden = FORBIDDEN_BLOCKS[token.type];
    if (forbidden) fail(forbidden);
    switch (token.type) {
      case 'heading_open':
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        if (inline?.type !== 'inline') fail('a block without text');
        let type: BlockType = 'paragraph';
        if (token.type === 'heading_open') {
          if (inside('blockquote') || inside('list_item')) {
            fail('a heading inside a quote or list item');
          }
          type = 'heading';
        } else if (inside('list_item')) {
          if (++itemParagraphs > 1) fail('a list item must be a single paragraph');
          type = 'item';
        } else if (inside('blockquote')) {
          type = 'quote';
        }
        const block: Block = { type, id: '', content: parseInlines(inline?.children ?? [], line) };
        if (type === 'heading') block.level = Number(token.tag.slice(1));
        target.push(block);
        walked.lines.set(block, line);
        i += 2;
        break;
      }
      case 'blockquote_open':
        if (inside('blockquote') || inside('list_item')) {
          fail('a block quote inside a quote or list item');
        }
        open.push('blockquote');
        break;
      case 'bullet_list_open':
        if (inside('blockquote') || inside('bullet_list')) {
          fail('a list inside a quote or another list');
        }
        open.push('bullet_list');
        break;
      case 'list_item_open':
        itemParagraphs = 0;
        open.push('list_item');
        break;
      case 'footnote_reference_open': {
        // markdown-it-footnote gives the definition no line; its first block has the same one.
        const firstInside = tokens[i + 1]?.map;
        if (firstInside) line = bodyOffset + firstInside[0] + 1;
        if (open.length > 0) {
          fail('a note definition must start at the beginning of a line, outside quotes and lists');
        }
        const label = (token.meta as { label: string }).label.normalize('NFC');
        if (!NOTE_LABEL_PATTERN.test(label)) {
          fail(`the note label "${label}" may not contain spaces, brackets, ^ or \\`);
        }
        if (walked.notes.some((note) => note.label === label)) {
          throw new SourceFormatError('note', `the note [^${label}] is defined twice`, line);
        }
        const note: Note = { label, blocks: [] };
        walked.notes.push(note);
        target = note.blocks;
        open.push('footnote');
        break;
      }
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'list_item_close':
        open.pop();
        break;
      case 'footnote_reference_close':
        open.pop();
        target = walked.blocks;
        break;
      default:
        fail(`unexpected Markdown (${token.type})`);
    }
  }
  return walked;
}

function checkNoteReferences(walked: Walked): void {
  const labels = new Set(walked.notes.map((note) => note.label));
  const all = [...walked.blocks, ...walked.notes.flatMap((note) => note.blocks)];
  for (const block of all) {
    for (const inline of block.content) {
      if (inline.type === 'noteRef' && !labels.has(inline.label)) {
        throw new SourceFormatError(
          'note',
          `the note reference [^${inline.label}] has no note; ` +
            `add a line \`[^${inline.label}]: …\` after the body`,
          walked.lines.get(block),
        );
      }
    }
  }
}
