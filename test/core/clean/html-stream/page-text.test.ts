import { describe, expect, it } from 'vitest';
import { type HtmlHeadFacts, type HtmlCut, PageFeed, type PageText, countStartTags, pageTextOf, streamPage } from '../../../../core/clean/html-stream/html-stream.ts';

// A page whose every kind of cut (a rebuilt self-closing tag, a rebuilt tag, a comment, a script)
// and every multi-unit character falls across a piece boundary for one piece size or another.
const PAGE =
  '\uFEFF<html><head><title>Përmet 𝔘</title><meta name="author" content="Hoxha"></head><body>' +
  '<p>One<img src="a.png" onerror="steal()"/>two<br onclick="x()" /></p><!-- gone --><p onclick="steal()">“Three” 𝔘 — <b>four</b></p>' +
  '<script>PAYLOAD()</script><p>Tiranë<</p><p>5 < 6</p></body></html>';

/** What one pass gives, and every text and tag position the reader saw. */
function pass(page: string | PageFeed): { head: HtmlHeadFacts; cuts: HtmlCut[]; seen: string[] } {
  const seen: string[] = [];
  const { head, cuts } = streamPage(page, {
    openTag: (name, _attributes, at) => seen.push(`open ${name}@${at}`),
    closeTag: (at) => seen.push(`close@${at}`),
    text: (text, at) => seen.push(`text ${text}@${at}`),
  });
  return { head, cuts, seen };
}

/** The tags and texts seen, with texts next to each other joined: the parser gives a text in parts where a piece ends. */
function merged(seen: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of seen) {
    const previous = out.at(-1);
    if (previous?.startsWith('text ') && item.startsWith('text ')) {
      const at = previous.lastIndexOf('@');
      out[out.length - 1] = `${previous.slice(0, at)}${item.slice('text '.length, item.lastIndexOf('@'))}${previous.slice(at)}`;
    } else {
      out.push(item);
    }
  }
  return out;
}

describe('a page given a piece at a time', () => {
  it('is cut into whole characters, never between the halves of one beyond the Basic Multilingual Plane', () => {
    for (let size = 1; size <= 12; size += 1) {
      const pieces = [...pageTextOf(PAGE).pieces(size)];
      expect(pieces.join('')).toBe(PAGE);
      for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
  });

  it('counts its start tags wherever the pieces end, a `<` at the end of one included', () => {
    const whole = countStartTags(pageTextOf(PAGE), PAGE.length);
    expect(whole).toBe(13);
    for (let size = 1; size <= 40; size += 1) expect(countStartTags(pageTextOf(PAGE), size)).toBe(whole);
  });

  it('gives the same head, the same cuts and the same tags and texts at the same places as the whole page, whatever the pieces', () => {
    const whole = pass(PAGE);
    expect(whole.cuts.map((cut) => cut.by)).toEqual(['<img src="a.png" />', '<br />', '', '<p>', '']);
    for (let size = 1; size <= 40; size += 1) {
      const fed = pass(new PageFeed(pageTextOf(PAGE), undefined, size));
      expect(fed.head).toEqual(whole.head);
      expect(fed.cuts).toEqual(whole.cuts);
      expect(merged(fed.seen)).toEqual(merged(whole.seen));
    }
  });

  it('reports how far it has come after each piece, ending at 1', () => {
    const fractions: number[] = [];
    new PageFeed(pageTextOf('x'.repeat(20_000)), (fraction) => fractions.push(fraction)).write({ write: () => {}, end: () => {} });
    expect(fractions.map((fraction) => Math.round(fraction * 20_000))).toEqual([8192, 16_384, 20_000]);
  });

  it('looks back only at the piece being read and the one before it', () => {
    const text: PageText = pageTextOf('abcdefghij');
    const feed = new PageFeed(text, undefined, 3);
    const seen: string[] = [];
    feed.write({ write: () => seen.push([0, 2, 3, 5, 6, 8, 9].map((index) => feed.charAt(index) || '·').join('')), end: () => {} });
    expect(seen).toEqual(['ac·····', 'acdf···', '··dfgi·', '····gij']);
  });
});
