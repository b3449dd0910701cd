import MarkdownIt from 'markdown-it';
import type { Env, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Block, BlockType, Inline, Note } from '../../corpus/model.ts';
import type { CleanedBody } from '../cleaned-body.ts';
import { Progress } from '../progress.ts';
import { capNesting, type FlattenedMeta } from './deep-nesting.ts';
import { splitMarkdownFrontMatter } from './front-matter.ts';

export { FrontMatterError } from './front-matter.ts';
import { footnoteLabel, toInlines } from './inlines.ts';

// CommonMark plus footnotes. Raw HTML is off, so a `<script>` stays text. The typographer pairs
// quotation marks; its other replacements ("(c)" → "©", "--" → "–") would change wording.
const markdown = new MarkdownIt('default', {
  html: false,
  linkify: false,
  typographer: true,
  quotes: '“”‘’',
}).use(footnote);
markdown.disable(['replacements']);
// Accept every link target while parsing, so a `javascript:` link still reads as a link and keeps
// only its text (toInlines drops unsafe targets); nothing here is ever rendered as HTML.
markdown.validateLink = () => true;
capNesting(markdown);
// markdown-it's inline step, done as its own rule does it, but telling how far it has come through
// the parse's `env` (markdown-it's channel for what one parse carries): it is most of a long file's parsing.
markdown.core.ruler.at('inline', (state) => {
  const report = (state.env as ParseEnv).inlineProgress;
  const { tokens } = state;
  for (const [at, token] of tokens.entries()) {
    if (token.type === 'inline') state.md.inline.parse(token.content, state.md, state.env, (token.children ??= []));
    report?.(at / tokens.length);
  }
});

/** What a parse carries: where to report the inline step's progress. */
interface ParseEnv extends Env {
  inlineProgress?: (position: number) => void;
}

/** Where the walk stands: inside how many quotes, which lists, which note, which table row. */
interface Walk {
  blocks: Block[];
  notes: Note[];
  quoteDepth: number;
  /** One entry per open list: the number of its current item (ordered) or null (bulleted). */
  lists: (number | null)[];
  /** Whether the current list item has had its first paragraph yet. */
  itemStarted: boolean;
  note: Note | undefined;
  row: Inline[][] | undefined;
  /** The fewest quotations and lists open where text was flattened; undefined if none was. */
  flattenedAt: number | undefined;
}

/**
 * Cleans ordinary Markdown (raw form `markdown`), leniently: CommonMark with footnotes becomes
 * headings, paragraphs, quote paragraphs (nested quotes flattened), list items (nested lists
 * flattened; an ordered item keeps its number as text, "3. "), emphasis, strong, http(s)/mailto
 * links and footnotes. Code blocks become paragraphs of their text, images their alt text, table
 * rows paragraphs of their cells joined by " | "; thematic breaks are dropped. YAML front matter
 * becomes `found` metadata; without a front-matter title, a first-level heading that opens the
 * file is taken as the title. Block ids are empty. How far it has come goes to `onProgress`.
 */
export function cleanMarkdown(raw: string, onProgress?: (fraction: number) => void): CleanedBody {
  const progress = new Progress(onProgress);
  const { found, body, warnings } = splitMarkdownFrontMatter(raw);
  const walk: Walk = {
    blocks: [],
    notes: [],
    quoteDepth: 0,
    lists: [],
    itemStarted: false,
    note: undefined,
    row: undefined,
    flattenedAt: undefined,
  };
  // The block step takes about a sixth of the time, the inline step two fifths, the walk the rest (a 6 MB file).
  const env: ParseEnv = { inlineProgress: progress.pass(0.15, 0.55) };
  const tokens = markdown.parse(body.replace(/\r\n?/g, '\n'), env);
  const walking = progress.pass(0.6, 1);
  tokens.forEach((token, i) => {
    visit(walk, token, tokens[i - 1]);
    walking(i / tokens.length);
  });
  progress.end();
  const caveats = walk.flattenedAt === undefined ? [] : [flattenedNotice(walk.flattenedAt)];
  const firstBlock = walk.blocks[0];
  if (found.title === undefined && firstBlock?.type === 'heading' && firstBlock.level === 1) {
    const title = firstBlock.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
    if (title.trim() !== '') found.title = title.trim();
  }
  return {
    blocks: walk.blocks,
    notes: walk.notes,
    ...(Object.keys(found).length > 0 ? { found } : {}),
    ...(caveats.length > 0 ? { caveats } : {}),
    ...(warnings.length > 0 ? { notices: warnings } : {}),
  };
}

function flattenedNotice(depth: number): string {
  return (
    `Quotations or lists nested more than ${depth} levels deep in the file were flattened: ` +
    'every word of them is kept, in order, but not their deeper nesting.'
  );
}

function visit(walk: Walk, token: Token, previous: Token | undefined): void {
  switch (token.type) {
    case 'blockquote_open':
    case 'blockquote_close':
      walk.quoteDepth += token.type === 'blockquote_open' ? 1 : -1;
      return;
    case 'bullet_list_open':
      walk.lists.push(null);
      return;
    case 'ordered_list_open':
      walk.lists.push(Number(token.attrGet('start') ?? 1));
      return;
    case 'bullet_list_close':
    case 'ordered_list_close':
      walk.lists.pop();
      return;
    case 'list_item_open':
      walk.itemStarted = false;
      return;
    case 'footnote_open':
      walk.note = { label: footnoteLabel(token.meta), blocks: [] };
      walk.notes.push(walk.note);
      return;
    case 'footnote_close':
      walk.note = undefined;
      return;
    case 'tr_open':
      walk.row = [];
      return;
    case 'tr_close':
      emitRow(walk);
      return;
    case 'code_block':
    case 'fence':
      emit(walk, 'paragraph', [{ type: 'text', text: token.content.replace(/\s+/g, ' ').trim() }]);
      return;
    case 'inline':
      emitInline(walk, token, previous);
      return;
    default:
      // paragraph and heading open/close, hr, footnote blocks: the inline token carries the text.
      return;
  }
}

function emitInline(walk: Walk, token: Token, opener: Token | undefined): void {
  const content = toInlines(token.children ?? []);
  if (walk.row) {
    walk.row.push(content);
    return;
  }
  const flattened = (opener?.meta as FlattenedMeta | null | undefined)?.flattened;
  if (flattened !== undefined) {
    const depth = walk.quoteDepth + walk.lists.length;
    walk.flattenedAt = Math.min(walk.flattenedAt ?? depth, depth);
    // Past the first paragraph of the item it lies in, a flattened item is an item of its own.
    if (flattened === 'item' && (walk.lists.length === 0 || walk.itemStarted)) {
      emit(walk, 'item', content);
      return;
    }
  }
  if (opener?.type === 'heading_open' && walk.quoteDepth === 0 && walk.lists.length === 0) {
    const level = Number(opener.tag.slice(1));
    emit(walk, 'heading', content, level);
    return;
  }
  const depth = walk.lists.length;
  if (depth > 0 && !walk.itemStarted) {
    walk.itemStarted = true;
    const number = walk.lists[depth - 1];
    if (typeof number === 'number') {
      // Keep the printed number as text and count on for the next item.
      walk.lists[depth - 1] = number + 1;
      content.unshift({ type: 'text', text: `${number}. ` });
    }
    emit(walk, 'item', content);
    return;
  }
  emit(walk, walk.quoteDepth > 0 ? 'quote' : 'paragraph', content);
}

function emitRow(walk: Walk): void {
  const cells = (walk.row ?? []).filter((cell) => cell.length > 0);
  walk.row = undefined;
  const content: Inline[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) content.push({ type: 'text', text: ' | ' });
    content.push(...cell);
  });
  emit(walk, 'paragraph', content);
}

function emit(walk: Walk, type: BlockType, content: Inline[], level?: number): void {
  if (content.length === 0) return;
  const block: Block = level === undefined ? { type, id: '', content } : { type, id: '', level, content };
  (walk.note ? walk.note.blocks : walk.blocks).push(block);
}
