import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlStream } from '../../../../core/clean/html-stream/html-stream.ts';
import type { Block } from '../../../../core/corpus/model.ts';
import { readingTextOf } from '../../../../core/corpus/reading-text.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');
}

/** The words of a text: runs of letters and digits. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Each block as its type (and level) and its Markdown-ish text: `*em*`, `**strong**`, `[text](href)`. */
function shown(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    const text = block.content
      .map((inline) => {
        if (inline.type !== 'text') return '';
        let text = inline.text;
        if (inline.em) text = `*${text}*`;
        if (inline.strong) text = `**${text}**`;
        if (inline.href !== undefined) text = `[${text}](${inline.href})`;
        return text;
      })
      .join('');
    return `${block.type}${block.level ?? ''}: ${text}`;
  });
}

/**
 * The text of a page as linkedom reads it (an independent parser), code elements removed: each
 * text node on its own, so that words of neighbouring elements never run together.
 */
function domWords(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of Array.from(document.querySelectorAll('script, style, noscript, template, title, iframe'))) element.remove();
  const out: string[] = [];
  const walk = (node: { nodeType: number; textContent: string | null; childNodes: ArrayLike<unknown>; getAttribute?: (name: string) => string | null; nodeName: string }): void => {
    if (node.nodeType === 3) out.push(...words(node.textContent ?? ''));
    if (node.nodeName === 'IMG') out.push(...words(node.getAttribute?.('alt') ?? ''));
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
  };
  walk(document.documentElement as never);
  return out;
}

function streamedWords(html: string): string[] {
  const { blocks } = readHtmlStream(html);
  return words(readingTextOf(blocks, []).text);
}

describe('readHtmlStream: a page read as a stream, without a DOM', () => {
  it('keeps the structure: headings, paragraphs, numbered and bulleted items, quotations, line breaks, rows, emphasis and links', () => {
    const html =
      '<html><body><h1>The Break</h1><h3>of 1961</h3>' +
      '<div>Loose text in a div<p>A paragraph with <em>emphasis</em>, <b>strength</b> and <a href="https://example.org/x">a link</a>.</p>and text after it</div>' +
      '<p>First line<br>second line<br><br>third line</p>' +
      '<ul><li>Bread</li><li>Salt <i>and</i> wine</li></ul>' +
      '<ol start="3"><li>Third<p>still the third</p></li><li>Fourth</li></ol>' +
      '<blockquote><p>We will eat grass.</p>Said once.</blockquote>' +
      '<table><tr><th>Year</th><th></th><th>Event</th></tr><tr><td>1961</td><td>The break</td></tr></table>' +
      '<h2>A heading <div>with a block</div> inside</h2>' +
      '<p><a href="javascript:alert(1)">A script link</a> keeps its words, not its target.</p>' +
      '</body></html>';
    expect(shown(readHtmlStream(html).blocks)).toEqual([
      'heading1: The Break',
      'heading3: of 1961',
      'paragraph: Loose text in a div',
      'paragraph: A paragraph with *emphasis*, **strength** and [a link](https://example.org/x).',
      'paragraph: and text after it',
      'paragraph: First line',
      'paragraph: second line',
      'paragraph: third line',
      'item: Bread',
      'item: Salt *and* wine',
      'item: 3. Third',
      'item: still the third',
      'item: 4. Fourth',
      'quote: We will eat grass.',
      'quote: Said once.',
      'paragraph: Year | Event',
      'paragraph: 1961 | The break',
      'heading2: A heading with a block inside',
      'paragraph: A script link keeps its words, not its target.',
    ]);
  });

  it('reads a table written on several lines, as a word processor writes it, as its cells joined, without a separator before the first', () => {
    const html =
      '<html><body><table class=MsoTableGrid>\n <tr>\n  <td>\n  <p>Viti</p>\n  </td>\n  <td>\n  <p>Popullsia</p>\n  </td>\n </tr>\n' +
      ' <tr>\n  <td><p>1912</p></td>\n  <td><p>32 500</p></td>\n </tr>\n</table></body></html>';
    expect(shown(readHtmlStream(html).blocks)).toEqual(['paragraph: Viti | Popullsia', 'paragraph: 1912 | 32 500']);
  });

  it('decodes entities, named and numeric, in the text and in what the head states', () => {
    const html =
      '<html lang="sq"><head><title>Hoxha &amp; Khrushchev &ndash; 1961</title>' +
      '<meta name="citation_author" content="Mëhilli, Elidor"><meta name="DC.Title" content="Tiranë &amp; Moscow"></head>' +
      '<body><p>Tiran&euml; &amp; Moskva &#8211; &#x201C;a break&#x201D; &lt;1961&gt; &nbsp;5&nbsp;000 men</p></body></html>';
    const page = readHtmlStream(html);
    expect(shown(page.blocks)).toEqual(['paragraph: Tiranë & Moskva – “a break” <1961> 5\u00a0000 men']);
    expect(page.head).toEqual({
      tags: new Map([
        ['citation_author', ['Mëhilli, Elidor']],
        ['dc.title', ['Tiranë & Moscow']],
      ]),
      title: 'Hoxha & Khrushchev – 1961',
      lang: 'sq',
    });
  });

  it('drops scripts, styles, noscript, templates and frames, and keeps none of them in the sanitized copy', () => {
    const page = readHtmlStream(fixture('scripted.html'));
    const text = readingTextOf(page.blocks, []).text;
    expect(text).toContain('The Warsaw Pact meeting of March 1961 excluded Albania');
    expect(text).toContain('taking with them submarines that Albania claimed as its own.');
    expect(text).not.toMatch(/PAYLOAD|stolen/);
    expect(page.sanitized).not.toMatch(/PAYLOAD|<script|<style|<noscript|<iframe|onload|onclick|javascript:/i);
    // What is not active is copied character for character.
    expect(page.sanitized).toContain('<p>Later that year the Soviet ships left the base at Vlorë, taking with them submarines that Albania claimed as its own.</p>');
    const template = readHtmlStream('<body><template><p>TEMPLATE-PAYLOAD</p></template><p>Kept.</p><!-- <script>COMMENT-PAYLOAD</script> --></body>');
    expect(shown(template.blocks)).toEqual(['paragraph: Kept.']);
    expect(template.sanitized).toBe('<body><p>Kept.</p></body>');
  });

  it('rewrites only the tags that carried a handler or a script URL, and reading the sanitized copy gives the same page', () => {
    const html =
      '<html><head><meta http-equiv="refresh" content="0;url=https://elsewhere.example/"></head>' +
      '<body><p class="lead" onclick="steal()" title="A &quot;quoted&quot; title">One</p>' +
      '<a href="https://example.org/" onmouseover="x()">Two</a> <a href="javascript:void(0)" href="https://example.org/">Three</a>' +
      '<img src="data:text/html,<script>x</script>" alt="Four"/><p>Five &amp; six</p></body></html>';
    const page = readHtmlStream(html);
    expect(page.sanitized).toBe(
      '<html><head></head><body><p class="lead" title="A &quot;quoted&quot; title">One</p>' +
        '<a href="https://example.org/">Two</a> <a>Three</a><img alt="Four" /><p>Five &amp; six</p></body></html>',
    );
    const again = readHtmlStream(page.sanitized);
    expect(again.blocks).toEqual(page.blocks);
    expect(again.sanitized).toBe(page.sanitized);
  });

  it('loses no word of a page, against the text an independent parser (linkedom) finds in it', () => {
    const page = fixture('article.html');
    expect(streamedWords(page)).toEqual(domWords(page));
    expect(streamedWords(page)).toContain('Home');
    expect(streamedWords(page)).toContain('Review');
  });

  it('loses no word of a large generated page of heavy markup, in order, whatever the markup around each word', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const vocabulary = 'delegation Moscow spring Tiranë Albanian leadership refused statement Chinese position deviation 1961 ëndërr çështje'.split(' ');
    const wrap = [
      (w: string) => `<span class="w" data-id="${w}">${w}</span>`,
      (w: string) => `<em>${w}</em>`,
      (w: string) => `<a href="/x?a=1&amp;b=2">${w}</a>`,
      (w: string) => w,
      (w: string) => `${w}<br>`,
      (w: string) => `<b><i>${w}</i></b>`,
    ];
    const expected: string[] = [];
    const parts: string[] = ['<!doctype html><html><head><title>Generated</title><script>var HIDDEN = "<p>never</p>";</script></head><body>'];
    for (let block = 0; block < 400; block += 1) {
      const tag = ['p', 'li', 'blockquote', 'h2', 'td', 'div'][next(6)] as string;
      const line: string[] = [];
      for (let i = 0; i < 1 + next(30); i += 1) {
        const word = vocabulary[next(vocabulary.length)] as string;
        expected.push(word);
        line.push((wrap[next(wrap.length)] as (w: string) => string)(word));
      }
      parts.push(`<${tag}>${line.join(' ')}</${tag}>\n`, next(5) === 0 ? `<style>.x{}</style><noscript>never</noscript>` : '');
    }
    parts.push('</body></html>');
    const html = parts.join('');
    expect(streamedWords(html)).toEqual(expected);
    expect(domWords(html)).toEqual(expected);
  });

  it('reads any depth of nesting without recursion', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The bottom.</p>${'</div>'.repeat(depth)}<p>After.</p></body></html>`;
    expect(shown(readHtmlStream(html).blocks)).toEqual(['paragraph: The bottom.', 'paragraph: After.']);
  });
});
