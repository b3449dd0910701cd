import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleStream } from '../../../electron/services/import/article-stream.ts';
import { cleanHtmlPage } from '../../../electron/services/import/html-cleaner.ts';
import { corpusText, readabilityText } from '../../support/readability-text.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');
const SENTENCE = 'the delegation left moscow early in the spring of 1961, and the albanian leadership refused to sign any statement';

/** The page cleaned as a stream, whatever its size. */
function streamed(html: string) {
  return cleanHtmlPage(html, { largePageChars: 0 }).body;
}

const page = (body: string, title = 'The Break of 1961 | Review') => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;
const paragraphs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${from + i}: ${SENTENCE}, as the minutes of the plenum record it.</p>`).join('');

const PAGES: [string, string][] = [
  ['the article fixture', readFileSync(join(FIXTURES, 'article.html'), 'utf8')],
  ['the scripted fixture', readFileSync(join(FIXTURES, 'scripted.html'), 'utf8')],
  [
    'a news article with menus, a byline, sharing buttons, comments and a footer',
    page(
      `<header class="site-header"><nav class="menu"><ul>${'<li><a href="/s">Section</a></li>'.repeat(10)}</ul></nav></header>` +
        `<main><article class="post"><h1>The Break of 1961</h1><div class="byline">By <a rel="author" href="/m">Elidor Mëhilli</a></div>` +
        `<div class="share-buttons"><a href="/fb">Share</a> <a href="/tw">Tweet</a></div><div class="entry-content">${paragraphs(8)}` +
        `<figure><img src="map.png" alt="Map of Albania"><figcaption>The port of Vlorë in 1960.</figcaption></figure>${paragraphs(4, 8)}</div></article>` +
        `<aside class="sidebar"><div class="related"><h3>Related</h3><ul>${'<li><a href="/r">Related story about the split</a></li>'.repeat(6)}</ul></div></aside>` +
        `<section class="comments"><h3>Comments</h3>${'<div class="comment"><p>Thank you for this article about the break, it was very instructive, really.</p></div>'.repeat(12)}</section></main>` +
        '<footer class="site-footer"><p>© Review 2024. All rights reserved, in every country of the world.</p></footer>',
    ),
  ],
  [
    'text written straight into divs, between blocks, with line breaks',
    page(
      `<div id="story">The first lines of the letter, written straight into the page, ${SENTENCE}.<br><br>` +
        `A second run of text, also straight in the div, ${SENTENCE}.<div class="quote"><p>${SENTENCE}, quoted.</p></div>` +
        `Text after the quotation, in the div again, ${SENTENCE}, which closes the letter.${paragraphs(3)}</div>` +
        '<div class="nav"><a href="/1">One</a> <a href="/2">Two</a></div>',
    ),
  ],
  [
    'an article split over sibling blocks of one class',
    page(`<div class="wrap"><div class="part">${paragraphs(5)}</div><div class="ad">Advertisement</div><div class="part">${paragraphs(5, 5)}</div><div class="part"><p>Short.</p></div></div>`),
  ],
  [
    'a table of data and a layout table',
    page(
      `<article>${paragraphs(4)}<table><tr><th>Year</th><th>Event</th></tr>${'<tr><td>1960</td><td>Moscow <i>conference</i></td></tr>'.repeat(6)}</table>` +
        `<table><tr><td><a href="/a">Home</a></td><td><a href="/b">Archive</a></td></tr></table>${paragraphs(2, 4)}</article>`,
    ),
  ],
  ['a short note Readability reads several times', page('<div class="menu"><a href="/a">Archive of the party congresses</a></div><div class="content"><p>A short note on the <i>plenum</i> of 1961.</p></div><div class="comments"><p>One reader recalls the plenum, and the speeches of that winter, at length.</p></div>')],
  ['a page without an article', page('<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/a">Archive</a></li></ul></nav>')],
  [
    'a page whose root names furniture, as an encyclopedia names it',
    `<html class="client-nojs vector-feature-language-in-header-enabled"><head><title>Split - Wikipedia</title></head><body>` +
      `<div class="vector-header-container"><nav role="navigation"><ul>${'<li><a href="/wiki/Main_Page">Main page</a></li>'.repeat(8)}</ul></nav></div>` +
      `<main id="content"><h1>Split</h1><div class="mw-parser-output">${paragraphs(10)}<div class="navbox" role="navigation"><ul>${'<li><a href="/e">Event</a></li>'.repeat(20)}</ul></div></div></main>` +
      '<footer id="footer"><ul><li>This page was last edited on 1 March 2024.</li></ul></footer></body></html>',
  ],
  [
    'hidden text, a dialog and a lone paragraph in a div',
    page(`<div hidden><p>${SENTENCE}, hidden.</p></div><div role="dialog" aria-modal="true"><p>Subscribe to our newsletter, ${SENTENCE}.</p></div><div class="body"><div><p>${SENTENCE}, alone in its div but long enough to count.</p></div>${paragraphs(6)}</div>`),
  ],
];

describe('finding a page’s article as a stream', () => {
  it.each(PAGES)('gives the text Readability gives on the whole page: %s', (_, html) => {
    const expected = readabilityText(html);
    expect(expected.length).toBeGreaterThan(0);
    expect(corpusText(streamed(html).blocks)).toBe(expected);
  });

  it('drops what Readability drops: menus, comments, sidebars, sharing buttons, the footer and the heading that repeats the title', () => {
    const text = corpusText(streamed(PAGES[2]![1]).blocks);
    expect(text).toContain('Paragraph 0: the delegation');
    expect(text).toContain('Paragraph 11: the delegation');
    expect(text).toContain('Map of Albania');
    for (const furniture of ['Section', 'Share', 'Tweet', 'Related story', 'Thank you', '© Review', 'The Break of 1961']) expect(text).not.toContain(furniture);
  });

  it('reads the byline and the title as Readability does, for the source’s metadata', () => {
    const html = PAGES[2]![1];
    const found = streamed(html).found;
    expect(found?.title).toBe('The Break of 1961 | Review');
    expect(found?.author).toEqual([{ family: 'Mëhilli', given: 'Elidor' }]);
    expect(found).toEqual(cleanHtmlPage(html).body.found);
    const titled = page(`<article>${paragraphs(6)}</article>`, 'Letters from Tirana in 1961 | The Review of Balkan History');
    expect(streamed(titled).found?.title).toBe('Letters from Tirana in 1961');
    expect(streamed(titled).found).toEqual(cleanHtmlPage(titled).body.found);
  });

  it('reports its progress, from the start to the end of the page, never going back', () => {
    const fractions: number[] = [];
    const html = page(paragraphs(6000));
    const article = readArticleStream(html, { onProgress: (fraction) => fractions.push(fraction) });
    expect(article.blocks.length).toBe(6000);
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBeCloseTo(1, 5);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('reads a page without <html> or <body> (a saved fragment) as one document, none of its parts left out', () => {
    const paragraphsOf = (html: string) => corpusText(streamed(html).blocks).match(/Paragraph \d+:/g) ?? [];
    // Parts side by side, as a body would hold them: the article is found across them.
    expect(paragraphsOf(`<div class="part">${paragraphs(20)}</div><div class="part">${paragraphs(20, 20)}</div>`)).toHaveLength(40);
    // Paragraphs with nothing around them at all.
    expect(paragraphsOf(paragraphs(30))).toHaveLength(30);
    // Furniture beside the article is dropped, as in a page with a body.
    const menu = corpusText(streamed(`<nav class="menu"><a href="/">Home</a></nav><div id="story">${paragraphs(20)}</div>`).blocks);
    expect(menu.match(/Paragraph \d+:/g)).toHaveLength(20);
    expect(menu).not.toContain('Home');
  });

  it('keeps the whole text of a page nested deeper than it reads, with a caveat', () => {
    const html = page(`${'<div>'.repeat(5000)}<p>${SENTENCE}, deep.</p>${'</div>'.repeat(5000)}<nav class="menu"><a href="/">Home</a></nav>`);
    const body = streamed(html);
    expect(corpusText(body.blocks)).toContain(`${SENTENCE}, deep.`);
    expect(corpusText(body.blocks)).toContain('Home');
    expect(body.caveats?.[0]).toMatch(/nested more than \d+ levels deep/);
  });
});
