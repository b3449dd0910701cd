/**
 * A web page's article found without a DOM: the page is read as a stream of tags and text
 * (htmlparser2) once for its figures (`article-stats.ts`, with its head and its sanitized copy),
 * Readability's choice is made from them (`article-choice.ts`), and a last pass writes the blocks of
 * what was chosen (`StreamBlocks`). Like Readability, when an attempt finds less than 500 characters
 * of article it tries again doing less (keeping furniture, then ignoring class names, then keeping
 * link-heavy blocks), and keeps its longest attempt; when every attempt finds nothing, the whole text
 * is kept. Each pass is given the page a piece at a time (`PageFeed`), so a page read from its
 * file's bytes is never one string. Memory is the page, its blocks and a few tens of bytes per
 * element; time is linear, a pass more for each further attempt.
 */
import { Parser } from 'htmlparser2';
import type { Block } from '../../../core/corpus/model.ts';
import { type HtmlCut, type HtmlHeadFacts, PageFeed, type PageText, StreamHead, countStartTags, pageTextOf, streamPage } from '../../../core/clean/html-stream/html-stream.ts';
import { StreamBlocks } from '../../../core/clean/html-stream/stream-blocks.ts';
import { Progress } from '../../../core/clean/progress.ts';
import { type ArticleChoice, chooseArticle } from './article-choice.ts';
import { articleTitle } from './article-title.ts';
import { DOCUMENT, FLAG, type PageStats, StatsPass, readPageStats } from './article-stats.ts';
import { NoteCalls, streamedNotes } from './stream-notes.ts';

/** A page's article, found as a stream. */
export interface StreamedArticle {
  /** The article's blocks; block ids are empty. */
  blocks: Block[];
  /** What the page's head states. */
  head: HtmlHeadFacts;
  /** The cuts that make the page's sanitized copy, in order. */
  cuts: HtmlCut[];
  /** The byline Readability would have read from the article, if any. */
  byline?: string;
  /** The depth of the page's deepest element. */
  depth: number;
}

/** How the page is read. */
export interface ArticleStreamOptions {
  /** Keep the whole text when the page is nested deeper than this (no article is chosen). */
  maxDepth?: number;
  /** How far the reading has come, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

// Readability's attempts, each doing less than the one before (its flags, dropped in order).
const ATTEMPTS = [
  { strip: true, weightClasses: true, cleanConditionally: true },
  { strip: false, weightClasses: true, cleanConditionally: true },
  { strip: false, weightClasses: false, cleanConditionally: true },
  { strip: false, weightClasses: false, cleanConditionally: false },
] as const;
// An attempt that finds less text than this is tried again (Readability's `DEFAULT_CHAR_THRESHOLD`).
const ENOUGH_TEXT = 500;
/**
 * Reads a page's article as a stream (see the module's comment), the page a string or given a
 * piece at a time (`PageText`). Never throws on odd HTML.
 */
export function readArticleStream(page: string | PageText, options: ArticleStreamOptions = {}): StreamedArticle {
  const html = typeof page === 'string' ? pageTextOf(page) : page;
  const progress = new Progress(options.onProgress);
  // Room for every element, counted once: each pass would otherwise read the page again to count them.
  const elements = countStartTags(html) + 8;
  const first = firstPass(html, elements, progress.pass(0, 0.35));
  const { head, cuts, depth } = first;
  if (options.maxDepth !== undefined && depth > options.maxDepth) {
    const blocks = writeBlocks(html, undefined, undefined, progress.pass(0.35, 1));
    progress.end();
    return { blocks, head, cuts, depth };
  }
  const title = articleTitle(head);
  const attempt = (index: number, from: number, to: number): { stats: PageStats; choice: ArticleChoice } => {
    const flags = ATTEMPTS[index] as (typeof ATTEMPTS)[number];
    let stats = index === 0 ? first.stats : readPageStats(html, elements, { strip: flags.strip, title: () => title }, progress.pass(from, to));
    // The walk ended at its first step: Readability cleans the whole body, which the walk never touched.
    const ended = stats.walkEnded;
    if (ended) stats = readPageStats(html, elements, { strip: false, walk: false }, progress.pass(from, to));
    return { stats, choice: chooseArticle(stats, flags, ended) };
  };
  let { stats, choice } = attempt(0, 0.35, 0.45);
  const lengths = [choice.length];
  for (let index = 1; choice.length < ENOUGH_TEXT && index < ATTEMPTS.length; index += 1) {
    ({ stats, choice } = attempt(index, 0.35 + 0.1 * index, 0.45 + 0.1 * index));
    lengths.push(choice.length);
  }
  if (choice.length < ENOUGH_TEXT) {
    // Readability keeps its longest attempt (the first of equals); nothing found, the whole text.
    const best = lengths.indexOf(Math.max(...lengths));
    if ((lengths[best] as number) === 0) {
      const blocks = writeBlocks(html, undefined, undefined, progress.pass(0.8, 1));
      progress.end();
      return { blocks, head, cuts, depth };
    }
    if (best !== lengths.length - 1) ({ stats, choice } = attempt(best, 0.75, 0.8));
  }
  const calls = new NoteCalls();
  const blocks = writeBlocks(html, stats, choice, progress.pass(0.8, 1), calls);
  // The notes the article calls and the choice left out (see `html-notes.ts`), after its text.
  blocks.push(...streamedNotes(html, calls.missing()));
  progress.end();
  return { blocks, head, cuts, depth, ...(stats.byline === undefined ? {} : { byline: stats.byline }) };
}

/** The first pass: the page's figures for the first attempt, its head, its sanitized copy and its depth. */
function firstPass(html: PageText, elements: number, report: (position: number) => void): { stats: PageStats; head: HtmlHeadFacts; cuts: HtmlCut[]; depth: number } {
  const head = new StreamHead();
  let title: string | undefined;
  // The title is read when the first title heading closes: by then the head has been read.
  const titleOf = (): string => (title ??= articleTitle(head.facts()));
  const pass = new StatsPass(elements, { strip: ATTEMPTS[0].strip, title: titleOf });
  let open = 0;
  let depth = 0;
  const page = streamPage(
    new PageFeed(html, report),
    {
      openTag: (name, attributes, at) => {
        pass.openTag(name, attributes, at);
        open += 1;
        if (open > depth) depth = open;
      },
      closeTag: (at) => {
        pass.closeTag(at);
        open -= 1;
      },
      text: (text, at) => pass.text(text, at),
    },
    head,
  );
  return { stats: pass.result(html.length), head: page.head, cuts: page.cuts, depth };
}

/**
 * The last pass: the blocks of the chosen article (its roots whole, its runs as paragraphs, less
 * what is removed), or of the whole text when there is no choice. In an article an `h1` reads as
 * an `h2`, as Readability gives it (the title is the page's, not the article's).
 */
function writeBlocks(html: PageText, stats: PageStats | undefined, choice: ArticleChoice | undefined, report: (position: number) => void, calls?: NoteCalls): Block[] {
  const blocks = new StreamBlocks();
  const roots = new Set(choice?.roots ?? []);
  const runs = [...(choice?.runs ?? [])].sort((a, b) => (stats as PageStats).runFrom(a) - (stats as PageStats).runFrom(b));
  let next = 0;
  /** Open elements: whether each was passed on to the blocks. */
  const passed: boolean[] = [];
  const ids: number[] = [];
  // The whole document is kept when there is no choice, or when the choice is a page without a body.
  let kept = stats === undefined || roots.has(DOCUMENT) ? 1 : 0;
  let removed = 0;
  let run = -1;
  const endRun = (): void => {
    if (run < 0) return;
    blocks.closeTag();
    run = -1;
  };
  // Runs are read by where they lie in the page.
  const atPosition = (position: number): void => {
    if (stats === undefined) return;
    if (run >= 0 && position >= stats.runTo(run)) endRun();
    while (run < 0 && next < runs.length && stats.runTo(runs[next] as number) <= position) next += 1;
    const candidate = runs[next];
    if (run < 0 && candidate !== undefined && stats.runFrom(candidate) <= position && position < stats.runTo(candidate)) {
      run = candidate;
      next += 1;
      blocks.openTag('p', {});
    }
  };
  const emitting = (): boolean => removed === 0 && (kept > 0 || run >= 0);
  // A line break is a space, and two or more in a row end a paragraph, as Readability reads them (`_replaceBrs`).
  let afterBreak = false;
  // Elements are numbered as the figures number them: after the document.
  let id = DOCUMENT + 1;
  const parser: Parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const element = id++;
        ids.push(element);
        atPosition(parser.startIndex);
        if (roots.has(element)) kept += 1;
        if (removed > 0 || stats?.has(element, FLAG.removed) === true) removed += 1;
        const pass = emitting();
        passed.push(pass);
        if (!pass) return;
        if (name === 'br') {
          blocks.openTag(afterBreak ? 'br' : 'span', {});
          if (!afterBreak) blocks.text(' ');
          afterBreak = true;
          return;
        }
        afterBreak = false;
        calls?.openTag(name, attributes);
        blocks.openTag(name === 'h1' && stats !== undefined ? 'h2' : name, attributes);
      },
      onclosetag: (name) => {
        const element = ids.pop();
        if (element === undefined) return;
        const pass = passed.pop() as boolean;
        if (pass) calls?.closeTag(name);
        if (pass) blocks.closeTag();
        if (removed > 0) removed -= 1;
        if (roots.has(element)) kept -= 1;
        if (run >= 0 && stats?.runParent(run) === element) endRun();
      },
      ontext: (text) => {
        atPosition(parser.startIndex);
        if (!emitting()) return;
        if (/\S/.test(text)) afterBreak = false;
        calls?.text(text);
        blocks.text(text);
      },
    },
    { decodeEntities: true },
  );
  new PageFeed(html, report).write(parser);
  endRun();
  return blocks.blocks();
}
