import { describe, expect, it } from 'vitest';
import { applyCuts, pageTextOf } from '../../../core/clean/html-stream/html-stream.ts';
import { cleanHtmlPage } from '../../../electron/services/import/html-cleaner.ts';
import { utf8Offsets, utf8PageText } from '../../../electron/services/import/utf8-page.ts';

// A byte-order mark, and characters of one, two, three and four bytes (the last two UTF-16 units).
const TEXT = '\uFEFFa Përmet “x” — 𝔘 end';

describe('a UTF-8 file’s text read from its bytes a piece at a time', () => {
  it('gives the text as the whole file decoded, its byte-order mark kept, whatever the pieces, and its length in UTF-16 units', () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const text = utf8PageText(bytes);
    expect(text.length).toBe(TEXT.length);
    expect(text.whole()).toBe(TEXT);
    for (let size = 1; size <= 12; size += 1) {
      const pieces = [...text.pieces(size)];
      expect(pieces.join('')).toBe(TEXT);
      // Every piece is whole characters: a character cut between pieces of bytes waits for the next.
      for (const piece of pieces) expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
    }
    expect(utf8PageText(Buffer.from('plain ascii', 'utf8')).length).toBe(11);
  });

  it('finds the byte offset of every position between characters', () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const positions = [...TEXT].reduce<number[]>((at, char) => [...at, (at.at(-1) as number) + char.length], [0]);
    expect(utf8Offsets(bytes, positions)).toEqual(positions.map((position) => Buffer.byteLength(TEXT.slice(0, position))));
  });

  it('cleans a long page to the same text and the same cuts as the page read as one string', () => {
    // Over two pieces of 256 KB, in a language whose letters are two bytes: pieces of bytes end inside characters.
    const paragraph = '<p onclick="steal()">Заседание пленума, “Tiranë” 𝔘 — the minutes record it<br onclick="x()"/>again.</p><!-- note --><script>PAYLOAD()</script>';
    const html = `\uFEFF<html><head><title>Пленум — Përmet</title></head><body><article>${paragraph.repeat(4000)}</article></body></html>`;
    const bytes = Buffer.from(html, 'utf8');
    expect(bytes.length).toBeGreaterThan(2 * 256 * 1024);
    const fromBytes = cleanHtmlPage(utf8PageText(bytes), { largePageChars: 0 });
    const fromString = cleanHtmlPage(html, { largePageChars: 0 });
    expect(fromBytes.body).toEqual(fromString.body);
    expect(fromBytes.cuts).toEqual(fromString.cuts);
    expect(fromBytes.body.blocks.length).toBeGreaterThan(100);
    expect(applyCuts(html, fromBytes.cuts)).not.toMatch(/PAYLOAD|onclick|note/);
    expect(cleanHtmlPage(pageTextOf(html), { largePageChars: 0 }).body).toEqual(fromString.body);
  });
});
