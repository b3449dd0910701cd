import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { ReadingOffsetError } from '../../../core/corpus/reading-text.ts';
import { locate, pagesForRange, sectionForOffset } from '../../../core/corpus/source-index.ts';

const FRONT = '---\nid: sample\ntype: book\ntitle: Sample\nreliability: primary\n---\n\n';

// Pages as in Edemskiy's article: a milestone at the start, one inside a word, one at a paragraph
// start, and a note reference written just before a milestone at the same offset.
const paged = parseSource(
  `${FRONT}{{page:375}}Andrey Edemskiy[^*]

It is obvi{{page:376}}ous that the meeting failed.[^1]

More on the same page.

{{page:377}}A new page begins with this paragraph.[^2] The last words[^3]{{page:378}} of page 377.

[^*]: and-edem@yandex.ru

[^1]: A note on page 376.

[^2]: A note on page 377.

    Its second paragraph.

[^3]: A note whose reference ends page 377.

[^4]: A note nobody refers to.
`,
);
const text = locate(paged).reading.text;
/** Offset of the first occurrence of `needle` in the reading text. */
function at(needle: string): number {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the reading text`);
  return offset;
}
/** The pages of the `length` characters starting at `needle`. */
function pagesAt(needle: string, length: number) {
  return pagesForRange(paged, at(needle), at(needle) + length);
}
const pages = (first: string, last = first) => ({ first, last });

describe('pagesForRange', () => {
  it('gives one page for a range inside a page', () => {
    expect(pagesAt('Andrey', 6)).toEqual(pages('375'));
  });

  it('gives both pages for a range across a milestone inside a word', () => {
    expect(pagesForRange(paged, at('It is'), at('meeting'))).toEqual(pages('375', '376'));
    expect(pagesAt('obvi', 4)).toEqual(pages('375'));
    expect(pagesAt('ous that', 3)).toEqual(pages('376'));
  });

  it('puts a milestone at a paragraph start on that paragraph, not the one before', () => {
    expect(pagesForRange(paged, at('More on'), at('same page.') + 10)).toEqual(pages('376'));
    expect(pagesForRange(paged, at('More on'), at('A new page') + 1)).toEqual(pages('376', '377'));
  });

  it('spans the pages from the start of a range to its end', () => {
    expect(pagesForRange(paged, 0, at('of page 377') + 5)).toEqual(pages('375', '378'));
  });

  it('gives the page at the start for an empty range', () => {
    expect(pagesAt('ous that', 0)).toEqual(pages('376'));
  });

  it('locates a note on the page of its first reference', () => {
    expect(pagesAt('and-edem', 3)).toEqual(pages('375'));
    expect(pagesAt('A note on page 376', 5)).toEqual(pages('376'));
    expect(pagesAt('Its second', 3)).toEqual(pages('377'));
  });

  it('keeps a reference written just before a milestone on the earlier page', () => {
    expect(pagesAt('A note whose', 6)).toEqual(pages('377'));
  });

  it('gives null inside a note that nothing refers to', () => {
    expect(pagesAt('nobody', 6)).toBeNull();
  });

  it('gives null for a source without milestones', () => {
    const plain = parseSource(`${FRONT}No pages here.[^1]\n\n[^1]: Nor here.\n`);
    const plainText = locate(plain).reading.text;
    expect(pagesForRange(plain, 0, 5)).toBeNull();
    expect(pagesForRange(plain, plainText.indexOf('Nor'), plainText.length)).toBeNull();
  });

  it('gives null for a position before the first milestone', () => {
    const late = parseSource(`${FRONT}Front matter of the article.\n\n{{page:12}}Text.\n`);
    const lateText = locate(late).reading.text;
    expect(pagesForRange(late, 0, 5)).toBeNull();
    expect(pagesForRange(late, lateText.indexOf('Text'), lateText.length)).toEqual(pages('12'));
  });

  it('throws a typed error for a range outside the reading text', () => {
    expect(() => pagesForRange(paged, 0, text.length + 1)).toThrow(ReadingOffsetError);
    expect(() => pagesForRange(paged, 5, 2)).toThrow(ReadingOffsetError);
  });
});

describe('sectionForOffset', () => {
  const sections = parseSource(
    readFileSync(new URL('../../fixtures/corpus/sections-only.md', import.meta.url), 'utf8'),
  );
  const reading = locate(sections).reading.text;

  it('gives null before the first heading', () => {
    expect(sectionForOffset(sections, 0)).toBeNull();
  });

  it('gives the nearest heading before the offset, whatever its level', () => {
    const sectionOf = (needle: string) => sectionForOffset(sections, reading.indexOf(needle));
    expect(sectionOf('Albania had been')).toBe('Origins');
    expect(sectionOf('The split of 1948')).toBe('Soviet–Yugoslav split');
    expect(sectionOf('At Bucharest')).toBe('Bucharest Conference');
  });

  it('gives a heading for an offset inside the heading itself', () => {
    expect(sectionForOffset(sections, reading.indexOf('Origins') + 2)).toBe('Origins');
  });

  it('locates a note under the heading before its reference', () => {
    const withNotes = parseSource(
      `${FRONT}## Trade\n\nCredits.[^1]\n\n## Hostilities\n\nShots.\n\n[^1]: On trade.\n`,
    );
    const notes = locate(withNotes).reading.text;
    expect(sectionForOffset(withNotes, notes.indexOf('On trade'))).toBe('Trade');
  });
});

describe('locate', () => {
  it('builds the index once per source and answers many calls from it', () => {
    const index = locate(paged);
    expect(locate(paged)).toBe(index);
    for (let offset = 0; offset < text.length; offset += 3) {
      expect(index.pageAt(offset)).not.toBe(undefined);
    }
  });
});
