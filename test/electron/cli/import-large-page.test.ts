import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { apparatus } from '../../support/cli-process.ts';
import { makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

/** The words of a text: runs of letters and digits. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The threshold is lowered for these processes so that a page of a few hundred KB stands for a
// page of many MB: the path it takes is the same.
const LARGE = { APPARATUS_LARGE_PAGE_CHARS: '50000' };

/** A page with menus, an article of `paragraphs` paragraphs, a comment thread and a footer; its words in reading order. */
function page(paragraphs: number, script = ''): { html: string; words: string[] } {
  const menu = ['Home', 'Politics', 'Archive', 'Subscribe'];
  const article: string[] = [];
  const parts = [
    '<!doctype html><html lang="en"><head><title>The Break of 1961 | Review</title>',
    '<meta name="citation_title" content="The Break of 1961"><meta name="citation_author" content="Mëhilli, Elidor">',
    '<meta name="citation_publication_date" content="2017/03/01">',
    `<script>var SCRIPT_PAYLOAD = "${script}";</script><style>.SCRIPT_PAYLOAD{color:red}</style></head><body>`,
    `<header><nav><ul>${menu.map((item) => `<li><a href="/${item}">${item}</a></li>`).join('')}</ul></nav></header>`,
    '<main><article><h1>The Break of 1961</h1>',
  ];
  article.push(...menu, 'The', 'Break', 'of', '1961');
  for (let i = 0; i < paragraphs; i += 1) {
    if (i % 20 === 0) {
      parts.push(`<h2>Part ${i / 20 + 1}</h2>`);
      article.push('Part', String(i / 20 + 1));
    }
    const sentence = `In December 1961 paragraph${i} the Soviet embassy in Tiranë closed &amp; the advisers left`;
    parts.push(`<div class="wrapper"><p class="body">${sentence.split(' ').map((word) => `<span class="w">${word}</span>`).join(' ')}.</p></div>`);
    article.push(...words(sentence.replace('&amp;', '&')));
  }
  parts.push('</article><section class="comments"><p>Reader one wrote: <em>thank you</em></p></section></main>');
  parts.push('<footer><p>Copyright Review</p><noscript>NOSCRIPT_PAYLOAD</noscript></footer></body></html>');
  article.push('Reader', 'one', 'wrote', 'thank', 'you', 'Copyright', 'Review');
  return { html: parts.join(''), words: article };
}

// `apparatus import` of a large web page, whose article is found as the page streams past: real
// files, a separate process, its worker thread.
describe('apparatus import of a large page', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());
  const run = (env: Record<string, string>, ...args: string[]) => apparatus([...args, '--corpus', 'corpus'], temp.root, env);
  const imported = (id: string) => parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));

  it('keeps the article with its structure, drops the menus, comments and footer, and reads the metadata from the head', () => {
    const { html, words: all } = page(400);
    expect(html.length).toBeGreaterThan(100_000);
    const result = run(LARGE, 'import', temp.input('break.html', html), '--id', 'break');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Note:');
    const source = imported('break');
    // The article's words, in order: the page's less its menu, its title heading (the title is the source's), the comments and the footer.
    const article = all.slice(4 + 4, -7);
    expect(words(readingText(source).text)).toEqual(article);
    expect(source.meta.caveats).toBeUndefined();
    expect(source.meta.csl).toMatchObject({ title: 'The Break of 1961', author: [{ family: 'Mëhilli', given: 'Elidor' }], issued: { 'date-parts': [[2017, 3, 1]] } });
    const headings = source.blocks.filter((block) => block.type === 'heading').map((block) => block.level);
    expect(headings).toEqual(Array.from({ length: 20 }, () => 2));
    expect(readingText(source).text).toContain('In December 1961 paragraph399 the Soviet embassy in Tiranë closed & the advisers left.');
    // The raw copy is the page without its script, style and noscript, and rebuilding reads it alike.
    const raw = readFileSync(join(temp.corpus, 'raw', 'break.html'), 'utf8');
    expect(raw).not.toMatch(/PAYLOAD|<script|<style|<noscript/);
    expect(raw).toContain('<span class="w">paragraph399</span>');
  }, 120_000);

  it('gives the same source as the page cleaned with Readability below the threshold', () => {
    const { html } = page(400);
    const file = temp.input('break.html', html);
    expect(run(LARGE, 'import', file, '--id', 'streamed').status).toBe(0);
    expect(run({ APPARATUS_LARGE_PAGE_CHARS: String(10 * html.length) }, 'import', file, '--id', 'parsed').status).toBe(0);
    const [streamed, parsed] = [imported('streamed'), imported('parsed')];
    expect(streamed.blocks.map((block) => [block.type, block.content])).toEqual(parsed.blocks.map((block) => [block.type, block.content]));
    expect(streamed.meta.csl).toEqual({ ...parsed.meta.csl, id: 'streamed' });
  }, 120_000);

  it('cleans a page made large only by its scripts as any other, dropping the menus and saying nothing', () => {
    const { html } = page(10, 'x'.repeat(200_000));
    expect(html.length).toBeGreaterThan(200_000);
    const result = run(LARGE, 'import', temp.input('scripted.html', html), '--id', 'scripted');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Note:');
    const text = readingText(imported('scripted')).text;
    expect(text).toContain('paragraph9');
    expect(text).not.toContain('Subscribe');
    expect(imported('scripted').meta.caveats).toBeUndefined();
  }, 120_000);
});
