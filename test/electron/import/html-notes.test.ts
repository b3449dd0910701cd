import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanHtmlPage } from '../../../electron/services/import/html-cleaner.ts';
import { corpusText } from '../../support/readability-text.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

/** A document saved by Word as "Web Page, Filtered": its text in `WordSection1`, a footnote and an endnote after it. */
const wordPage = (): string => readFileSync(join(FIXTURES, 'word-filtered-notes.html'), 'utf8');

describe('the notes a saved document calls', () => {
  it.each([
    ['with a DOM', Infinity],
    ['as a stream, as a long page is read', 0],
  ])('keeps a Word document’s footnotes and endnotes, after its text, in the order they are called (%s)', (_way, largePageChars) => {
    const text = corpusText(cleanHtmlPage(wordPage(), { largePageChars }).body.blocks);
    const call = text.indexOf('njerëz.\\[1\\]');
    const footnote = text.indexOf('\\[1\\] Arkivi Qendror Shtetëror, fondi 152, dosja 7.');
    const endnote = text.indexOf('\\[i\\] Tolstoy, *War and Peace*, vol. 1, p. 45.');
    expect(call).toBeGreaterThan(-1);
    expect(footnote).toBeGreaterThan(text.indexOf('Paragrafi i fundit mbaron këtu.'));
    expect(endnote).toBeGreaterThan(footnote);
    // A note of two paragraphs comes whole, each once.
    expect(text.split('Krahaso raportin e vitit 1911 në të njëjtën dosje.')).toHaveLength(2);
  });

  it.each([
    ['with a DOM', Infinity],
    ['as a stream', 0],
  ])('follows only links whose text is a note mark, so the page’s furniture stays out (%s)', (_way, largePageChars) => {
    const paragraph = (i: number) => `<p>Paragraph ${i} of the consul’s report tells how the market of Shkodër grew in the spring of 1912, and who traded there.</p>`;
    const page =
      '<html><head><title>Report</title></head><body>' +
      `<div class="article">${paragraph(1)}<p>A claim.<a href="#fn1">1</a> <a href="#comments">Comments</a> <a href="#top">↑</a></p>${paragraph(2)}${paragraph(3)}${paragraph(4)}${paragraph(5)}${paragraph(6)}</div>` +
      '<div id="comments" class="comments"><p>Reader comment: great post, visit my shop.</p></div>' +
      '<div class="footnotes"><p id="fn1">1. Consul’s dispatch of 3 May 1912.</p></div>' +
      '</body></html>';
    const text = corpusText(cleanHtmlPage(page, { largePageChars }).body.blocks);
    expect(text).toContain('1\\. Consul’s dispatch of 3 May 1912.');
    expect(text).not.toContain('Reader comment');
  });
});
