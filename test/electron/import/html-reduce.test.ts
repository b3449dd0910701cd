import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ACTIVE_ELEMENTS, applyCuts, readHtmlStream } from '../../../core/clean/html-stream/html-stream.ts';
import { cleanHtmlPage } from '../../../electron/services/import/html-cleaner.ts';
import { reducePage } from '../../../electron/services/import/html-reduce.ts';
import { corpusText, readabilityText } from '../../support/readability-text.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

/** The words of a text: runs of letters and digits. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The page's own text, as a browser shows it (no script, style or comment). */
function pageWords(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of Array.from(document.querySelectorAll(ACTIVE_ELEMENTS.join(', ')))) element.remove();
  return words(document.body?.textContent ?? '');
}

const SENTENCE = 'the delegation left moscow early in the spring of 1961, and the albanian leadership refused to sign any statement';

/** An article written word by word in styled spans, as some publishing systems write it, with its page furniture. */
function spanPage(): string {
  const spans = (text: string) => text.split(' ').map((word, i) => `<span class="tok t${i}" data-id="x${i}" style="font-kerning:normal">${word}</span>`).join(' ');
  const paragraphs = Array.from({ length: 12 }, (_, i) =>
    `<div class="paragraph-wrapper"><p class="body-text">${spans(`Paragraph ${i} says that ${SENTENCE}.`)} <span><i>Italics ${i}</i></span> and <span class="x"><em><span>emphasis</span> ${i}</em></span>.</p></div>`,
  );
  return (
    '<!doctype html><html lang="en"><head><title>The Break | Review</title><style>.x{}</style></head><body>' +
    `<header><nav class="menu"><ul>${'<li class="menu-item"><a href="/s">Section</a></li>'.repeat(8)}</ul></nav></header>` +
    `<main><article><h1>The Break</h1><div class="byline">By <span>Elidor Mëhilli</span></div>${paragraphs.join('')}</article>` +
    `<section class="comments"><h3>Comments</h3>${'<div class="comment"><span class="author">Reader</span><p>Thank you for this article about the break, it was very instructive.</p></div>'.repeat(20)}</section>` +
    '<aside class="sidebar"><div class="related"><a href="/r">Related story</a></div></aside></main>' +
    '<footer class="site-footer"><p>© Review</p></footer></body></html>'
  );
}

/** An encyclopedia article: an infobox, linked text with references, a table, headings with wrapped titles, navigation boxes. */
function encyclopediaPage(): string {
  const paragraph = (i: number) =>
    `<p>In <a href="/wiki/1961" title="1961">1961</a> the <b>Soviet</b>–<a href="/wiki/Albania" title="Albania">Albanian</a> split ${SENTENCE} ` +
    `<span class="nowrap">(${i} <abbr title="kilometres">km</abbr>)</span>.<sup id="cite_ref-${i}" class="reference"><a href="#cite_note-${i}">[${i}]</a></sup> ` +
    `It was, as <i><a href="/wiki/Zeri" class="mw-redirect">Zëri i Popullit</a></i> wrote, final.</p>`;
  const sections = Array.from({ length: 6 }, (_, s) =>
    `<h2><span class="mw-headline" id="Part_${s}">Part ${s}</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/edit">edit</a><span class="mw-editsection-bracket">]</span></span></h2>` +
    Array.from({ length: 4 }, (_, i) => paragraph(s * 4 + i)).join(''),
  );
  return (
    '<!DOCTYPE html><html class="client-nojs" lang="en" dir="ltr"><head><meta charset="UTF-8"><title>Soviet–Albanian split - Wikipedia</title></head>' +
    '<body class="mediawiki ltr skin-vector"><div id="mw-navigation"><div id="mw-panel" class="vector-menu" role="navigation"><ul><li><a href="/">Main page</a></li><li><a href="/r">Random</a></li></ul></div></div>' +
    '<div id="content" class="mw-body" role="main"><h1 id="firstHeading" class="firstHeading">Soviet–Albanian split</h1>' +
    '<div id="bodyContent" class="vector-body"><div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">' +
    '<table class="infobox"><tbody><tr><th colspan="2">Soviet–Albanian split</th></tr><tr><th>Date</th><td>1956–1961</td></tr><tr><th>Result</th><td>Break of relations</td></tr></tbody></table>' +
    sections.join('') +
    '<table class="wikitable"><tbody><tr><th>Year</th><th>Event</th></tr><tr><td>1960</td><td>Moscow conference</td></tr><tr><td>1961</td><td>Embassy closed</td></tr></tbody></table>' +
    `<h2><span class="mw-headline" id="References">References</span></h2><div class="reflist"><ol class="references">${Array.from({ length: 24 }, (_, i) => `<li id="cite_note-${i}"><span class="reference-text">Mëhilli, <i>From Stalin to Mao</i>, p. ${i + 1}.</span></li>`).join('')}</ol></div>` +
    '<div class="navbox" role="navigation"><table class="nowraplinks"><tbody><tr><th>Cold War</th><td><a href="/a">Events</a> · <a href="/b">People</a></td></tr></tbody></table></div>' +
    '</div></div><div id="catlinks" class="catlinks"><a href="/c">Categories</a>: <a href="/d">1961 in Albania</a></div></div></div>' +
    '<div id="footer" role="contentinfo"><ul id="footer-info"><li>This page was last edited on 1 March 2024.</li></ul></div></body></html>'
  );
}

/** Source code as a documentation site shows it: comment spans (furniture by their class) inside `pre` and `code`. */
function codePage(): string {
  const lines = Array.from({ length: 40 }, (_, i) => `<a href="#${i}" id="${i}">${i}</a><span class="comment">// step ${i} of the conversion, kept</span>\n<span class="kw">let</span> <span>value_${i}</span> = <span class="number">${i}</span>;\n`);
  return `<html class="light sidebar-visible"><head><title>num.rs - source</title></head><body class="src"><nav class="sidebar"><a href="/">crate</a></nav><main><section class="content"><div class="example-wrap"><pre class="rust"><code>${lines.join('')}</code></pre></div></section></main></body></html>`;
}

/** A short note with more menus than text: Readability's first attempt finds too little and it tries again. */
function shortPage(): string {
  return (
    '<html><head><title>Note</title></head><body><div class="menu"><a href="/a">Archive of the party congresses and their resolutions</a> <a href="/b">Letters</a></div>' +
    '<div class="content"><p>A short note on the <i>plenum</i> of 1961.</p></div>' +
    '<div class="comments"><p>One reader recalls the plenum, and the speeches of that winter, at length and with some feeling, in a comment longer than the note.</p></div></body></html>'
  );
}

describe('cleaning a web page from its reduced copy', () => {
  const pages: [string, string][] = [
    ['the article fixture', readFileSync(join(FIXTURES, 'article.html'), 'utf8')],
    ['the scripted fixture', readFileSync(join(FIXTURES, 'scripted.html'), 'utf8')],
    ['an article written in spans', spanPage()],
    ['an encyclopedia article', encyclopediaPage()],
    ['a source listing whose page Readability keeps whole', codePage()],
    ['a short note Readability reads twice', shortPage()],
    ['a page without an article', '<html><body><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/a">Archive</a></li></ul></nav></body></html>'],
  ];

  it.each(pages)('gives the same text as Readability on the whole page: %s', (_, html) => {
    const cleaned = cleanHtmlPage(html).body;
    expect(cleaned.blocks.length).toBeGreaterThan(0);
    expect(corpusText(cleaned.blocks)).toBe(readabilityText(html));
  });

  it.each(pages)('keeps every word of the page in the copy it parses, without the furniture dropped first: %s', (_, html) => {
    const reduced = reducePage(html, { cap: 100, strip: false });
    expect(reduced.stripped).toBe(false);
    expect(pageWords(reduced.html)).toEqual(pageWords(html));
  });

  it('keeps an article written in spans whole, with its italics and emphasis, and drops its menus and comments', () => {
    const html = spanPage();
    const blocks = cleanHtmlPage(html).body.blocks;
    const text = corpusText(blocks);
    for (let i = 0; i < 12; i += 1) {
      expect(words(text)).toEqual(expect.arrayContaining(words(`Paragraph ${i} says that ${SENTENCE}`)));
      expect(text).toContain(`Paragraph ${i} says that ${SENTENCE}.`);
    }
    const italic = blocks.flatMap((block) => block.content).filter((run) => run.type === 'text' && run.em === true).map((run) => (run.type === 'text' ? run.text : ''));
    expect(italic.join(' ')).toBe(Array.from({ length: 12 }, (_, i) => `Italics ${i} emphasis ${i}`).join(' '));
    expect(text).not.toContain('Thank you for this article');
    expect(text).not.toContain('Section');
    // The copy parsed is a fraction of the page: styled spans merged, furniture emptied.
    const reduced = reducePage(html, { cap: 100, strip: true });
    expect(reduced.stripped).toBe(true);
    expect(reduced.html.length).toBeLessThan(html.length / 4);
    expect(reduced.html).not.toContain('Thank you');
  });

  it('keeps every word of an article made of spans only, with no paragraph around them', () => {
    const body = Array.from({ length: 30 }, (_, i) => `<span class="w">${SENTENCE.split(' ').join('</span> <span class="w">')}</span> <span><b>sentence ${i}</b></span>`).join(' <br> ');
    const html = `<html><head><title>Spans</title></head><body><div id="story">${body}</div></body></html>`;
    const text = corpusText(cleanHtmlPage(html).body.blocks);
    expect(words(text)).toEqual(words(Array.from({ length: 30 }, (_, i) => `${SENTENCE} sentence ${i}`).join(' ')));
    expect(text).toBe(readabilityText(html));
  });

  it('writes the raw copy as the sanitized page, character for character, whatever it drops for the DOM', () => {
    for (const [, html] of pages) {
      expect(applyCuts(html, cleanHtmlPage(html).cuts)).toBe(readHtmlStream(html).sanitized);
    }
  });

  it('never drops the content of what Readability reads before it removes furniture: a byline, a title heading, a table', () => {
    const html =
      '<html><head><title>The Break</title></head><body><div class="menu"><h1>The Break</h1></div><div class="author-info">By <div class="comment">Elidor Mëhilli</div></div>' +
      `<article>${`<p>${SENTENCE}, and much more that the historian needs.</p>`.repeat(6)}<table><tr><td><div class="footer">Cell kept</div></td><td>Other</td></tr></table></article></body></html>`;
    expect(reducePage(html, { cap: 100, strip: true }).html).toContain('Elidor Mëhilli');
    expect(reducePage(html, { cap: 100, strip: true }).html).toContain('Cell kept');
    expect(corpusText(cleanHtmlPage(html).body.blocks)).toBe(readabilityText(html));
  });
});

describe('a table in a cleaned page', () => {
  it('keeps every cell of a row, a cell of one word as much as a longer one', () => {
    const html = `<html><head><title>Table</title></head><body><article><p>${SENTENCE}, as the table shows in full detail.</p><p>${SENTENCE}, again.</p><table><tr><th>Year</th><th>Event</th></tr><tr><td>1960</td><td>Moscow <i>conference</i></td></tr><tr><td>1961</td><td>Embassy</td></tr></table></article></body></html>`;
    const text = corpusText(cleanHtmlPage(html).body.blocks);
    expect(text).toContain('Year | Event');
    expect(text).toContain('1960 | Moscow *conference*');
    expect(text).toContain('1961 | Embassy');
  });
});

describe('what Readability reads of a reduced page', () => {
  it('keeps the text of an image whose source is lazy-loaded or inline, and reads attributes with the case linkedom gives them', () => {
    const paragraphs = `<p>${SENTENCE}, and the map shows where.</p>`.repeat(5);
    const html =
      '<html><head><title>Maps</title></head><body CLASS="REFENTRY"><article>' +
      `${paragraphs}<p><img data-lazy="/maps/albania.webp" alt="Map of Albania, 1961"> <img src="data:image/png;base64,${'A'.repeat(4000)}" alt="The port of Vlorë"> <IMG SRC="plan.gif" ALT="A plan"></p>` +
      '</article></body></html>';
    const reduced = reducePage(html, { cap: 100, strip: true }).html;
    expect(reduced).not.toContain('AAAA');
    expect(reduced).not.toContain('REFENTRY');
    const text = corpusText(cleanHtmlPage(html).body.blocks);
    expect(text).toContain('Map of Albania, 1961');
    expect(text).toContain('The port of Vlorë');
    expect(text).toBe(readabilityText(html));
  });
});
