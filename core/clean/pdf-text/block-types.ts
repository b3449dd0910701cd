/**
 * Final block types of the body: the article's title block, numbered and unnumbered headings with
 * their levels, list items, block quotations and paragraphs.
 */
import type { Block, Inline } from '../../corpus/model.ts';
import type { DraftRole } from './draft.ts';
import { isNumberedHeading } from './segments.ts';

/** A body paragraph ready for typing: its draft role and parsed content. */
export interface TypedDraft {
  role: DraftRole;
  content: Inline[];
}

// The title block (byline, affiliation, title) is what precedes the abstract on the first page;
// an abstract further down than this is not part of a title block.
const TITLE_BLOCK_LIMIT = 6;
const BIBLIOGRAPHY = /^(bibliography|references|works cited|sources|literature)$/iu;
const NAME = /^\p{Lu}[\p{L}.’'-]*(?:(?:,?\s+|\s+(?:and|&)\s+)\p{Lu}[\p{L}.’'-]*){0,7}$/u;

/** The reading text of inline content: its text runs only. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

/**
 * Assigns block types. Before an `Abstract` near the top: an all-italic line is the affiliation
 * and a line of capitalised names the byline (both paragraphs), any other heading-like line the
 * title (heading 1). Numbered section headings are level 2; an unnumbered heading is level 2, or
 * level 3 once a bibliography heading has opened the end matter. A text paragraph right after a
 * paragraph ending in a colon, and not itself opening with a quotation mark, is a block quotation.
 */
export function assignBlockTypes(drafts: readonly TypedDraft[]): Block[] {
  const abstractAt = drafts.findIndex((d) => /^Abstract\b/u.test(inlineText(d.content).trim()));
  const titleBlockEnd = abstractAt >= 0 && abstractAt <= TITLE_BLOCK_LIMIT ? abstractAt : 0;
  const blocks: Block[] = [];
  let inBibliography = false;
  for (const [i, { role, content }] of drafts.entries()) {
    const text = inlineText(content).trim();
    const previous = blocks.at(-1);
    if (i < titleBlockEnd) {
      const byline = isAllEmphasis(content) || NAME.test(text);
      blocks.push(block(role === 'heading' && !byline ? 'heading' : 'paragraph', content, 1));
    } else if (role === 'item') {
      blocks.push(block('item', content));
    } else if (role === 'heading') {
      const numbered = isNumberedHeading(text);
      const level = !numbered && inBibliography ? 3 : 2;
      if (!numbered && BIBLIOGRAPHY.test(text)) inBibliography = true;
      blocks.push(block('heading', content, level));
    } else if (
      previous?.type === 'paragraph' &&
      inlineText(previous.content).trimEnd().endsWith(':') &&
      !/^["“‘']/u.test(text)
    ) {
      blocks.push(block('quote', content));
    } else {
      blocks.push(block('paragraph', content));
    }
  }
  return blocks;
}

function block(type: Block['type'], content: Inline[], level?: number): Block {
  return type === 'heading'
    ? { type, id: '', level: level ?? 2, content }
    : { type, id: '', content };
}

function isAllEmphasis(content: readonly Inline[]): boolean {
  const runs = content.filter((inline) => inline.type === 'text' && inline.text.trim() !== '');
  return runs.length > 0 && runs.every((inline) => inline.type === 'text' && inline.em === true);
}
