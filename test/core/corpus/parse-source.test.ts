import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { SourceFormatError } from '../../../core/corpus/source-format-error.ts';

const FRONT = '---\nid: sample\ntype: book\ntitle: Sample\nreliability: primary\n---\n\n';
/** A cleaned file with minimal front matter; the body starts on line 8. */
function file(body: string): string {
  return FRONT + body;
}
function contentOf(body: string): Inline[] {
  return parseSource(file(body)).blocks[0]?.content ?? [];
}
function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}
function errorOf(text: string): SourceFormatError {
  try {
    parseSource(text);
  } catch (error) {
    if (error instanceof SourceFormatError) return error;
    throw error;
  }
  throw new Error('expected a SourceFormatError');
}

describe('parseSource', () => {
  const sample = parseSource(fixture('full-syntax.md'));

  it('maps the front matter to CSL metadata and Apparatus fields', () => {
    expect(sample.id).toBe('edemskiy-sample');
    expect(sample.meta.csl).toStrictEqual({
      id: 'edemskiy-sample',
      type: 'article-journal',
      title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
      'title-short': 'Additional Evidence',
      author: [{ family: 'Edemskiy', given: 'Andrey' }],
      'container-title': 'Balcanica',
      volume: '50',
      page: '375-396',
      issued: { 'date-parts': [[2019]] },
      publisher: 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts',
      'publisher-place': 'Belgrade',
      DOI: '10.2298/BALC1950375E',
      ISSN: '0350-7653',
      URL: 'https://balcanica.rs/index.php/journal/article/view/546',
      language: 'en',
      keyword: 'RGANI, Enver Hoxha',
    });
    expect(sample.meta.reliability).toBe('primary');
    expect(sample.meta.rights).toBe('All rights reserved by the publisher');
    expect(sample.meta.caveats).toEqual(['“22th” is printed so (pp. 385, 391).']);
    expect(sample.meta.cleaning).toEqual([
      {
        original: 'sovetской',
        replacement: 'sovetskoi',
        reason: 'mixed script: Cyrillic ской for Latin skoi',
      },
    ]);
  });

  it('maps derivative_of and derivation, and reads null as absent', () => {
    const front = '---\nid: kapo\ntype: webpage\ntitle: T\nreliability: derivative\n';
    const meta = (extra: string) => parseSource(`${front}${extra}---\n`).meta;
    const derived = meta('derivative_of: edemskiy-2019\nderivation: translation of part of\n');
    expect(derived).toMatchObject({
      derivativeOf: 'edemskiy-2019',
      derivation: 'translation of part of',
    });
    const none = meta('derivative_of: null\nderivation: null\ntitle-short: null\n');
    expect(none.derivativeOf).toBeUndefined();
    expect(none.derivation).toBeUndefined();
    expect(none.csl).not.toHaveProperty('title-short');
    expect(none.cleaning).toEqual([]);
  });

  it('reads headings with their levels, paragraphs, quote paragraphs and items in order', () => {
    expect(sample.blocks.map((b) => [b.id, b.type, b.level])).toEqual([
      ['b1', 'heading', 1],
      ['b2', 'paragraph', undefined],
      ['b3', 'heading', 2],
      ['b4', 'paragraph', undefined],
      ['b5', 'paragraph', undefined],
      ['b6', 'quote', undefined],
      ['b7', 'quote', undefined],
      ['b8', 'item', undefined],
      ['b9', 'item', undefined],
      ['b10', 'paragraph', undefined],
      ['b11', 'paragraph', undefined],
      ['b12', 'paragraph', undefined],
      ['b13', 'paragraph', undefined],
    ]);
  });

  it('reads emphasis, strength, links, note references and a milestone inside a word', () => {
    expect(sample.blocks[3]?.content).toStrictEqual([
      { type: 'text', text: 'The ' },
      { type: 'text', text: 'Soviet-Albanian', em: true },
      { type: 'text', text: ' conflict was ' },
      { type: 'text', text: 'not', strong: true },
      { type: 'text', text: ' sudden.' },
      { type: 'noteRef', label: '1' },
      { type: 'text', text: ' It is obvi' },
      { type: 'page', label: '376' },
      { type: 'text', text: 'ous that ' },
      { type: 'text', text: 'both', em: true, strong: true },
      { type: 'text', text: ' sides erred; see ' },
      {
        type: 'text',
        text: 'the Wilson Center',
        href: 'http://digitalarchive.wilsoncenter.org/document/117494',
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads gaps with and without a description, and source markers', () => {
    expect(sample.blocks[4]?.content.filter((inline) => inline.type !== 'text')).toStrictEqual([
      { type: 'page', label: '377' },
      { type: 'noteRef', label: '2' },
      { type: 'gap' },
      { type: 'gap', reason: 'illegible in the scan' },
      { type: 'marker', label: '63' },
    ]);
  });

  it('unescapes every escaped character and keeps Cyrillic and no-break spaces', () => {
    expect(sample.blocks[9]?.content).toStrictEqual([
      {
        type: 'text',
        text:
          '# is not a heading at the start of a line, nor > a quote, nor - an item; ' +
          '*stars*, _under_, [brackets], {{braces}}, `ticks`, <angles>, AT&amp;T, ' +
          'and a back\\slash stay text.',
      },
    ]);
    expect(sample.blocks[10]?.content).toStrictEqual([
      { type: 'text', text: '1960. The year begins a paragraph without making a list.' },
    ]);
    expect(sample.blocks[12]?.content).toStrictEqual([
      {
        type: 'text',
        text: 'Cyrillic советской, Albanian Zëri i Popullit, and a no-break space in 12\u00a0November.',
      },
    ]);
  });

  it('reads notes in the order of their definitions, with further paragraphs as n<label>.2', () => {
    expect(sample.notes.map((note) => [note.label, note.blocks.map((b) => b.id)])).toEqual([
      ['*', ['n*']],
      ['1', ['n1']],
      ['2', ['n2', 'n2.2']],
    ]);
    expect(sample.notes[2]?.blocks[1]?.content).toStrictEqual([
      { type: 'text', text: 'A second paragraph of the note.' },
    ]);
  });

  it('keeps notes in the order of their definitions, not of their references', () => {
    const body = 'A[^b] and B[^a].\n\n[^a]: First defined.\n\n[^b]: Second defined.\n';
    const source = parseSource(file(body));
    expect(source.notes.map((note) => note.label)).toEqual(['a', 'b']);
  });

  it('merges adjacent runs with the same marks and NFC-normalises text', () => {
    expect(contentOf('Ze\u0308ri &#32;and *a*&#42;*b*\n')).toStrictEqual([
      { type: 'text', text: 'Zëri  and ' },
      { type: 'text', text: 'a', em: true },
      { type: 'text', text: '*' },
      { type: 'text', text: 'b', em: true },
    ]);
    expect(contentOf('*a*{{page:2}}*b*\n')).toStrictEqual([
      { type: 'text', text: 'a', em: true },
      { type: 'page', label: '2' },
      { type: 'text', text: 'b', em: true },
    ]);
  });

  it('reads emphasis that spans a milestone, and escaped braces in directive labels', () => {
    expect(contentOf('*agree{{page:389}}ments*{{gap:a \\}\\} b}}\n')).toStrictEqual([
      { type: 'text', text: 'agree', em: true },
      { type: 'page', label: '389' },
      { type: 'text', text: 'ments', em: true },
      { type: 'gap', reason: 'a }} b' },
    ]);
  });

  it('treats raw HTML and autolink-like text as text, never markup', () => {
    expect(contentOf('a \\<script>alert(1)\\</script> b\n')).toStrictEqual([
      { type: 'text', text: 'a <script>alert(1)</script> b' },
    ]);
    expect(contentOf('<b>bold</b>\n')).toStrictEqual([{ type: 'text', text: '<b>bold</b>' }]);
  });

  it('drops blocks that hold nothing', () => {
    expect(parseSource(file('#\n\nText\n')).blocks.map((b) => b.type)).toEqual(['paragraph']);
  });

  it('tolerates Windows line endings and a byte-order mark', () => {
    const text = `\ufeff${file('One\n\nTwo\n').replaceAll('\n', '\r\n')}`;
    expect(parseSource(text).blocks).toHaveLength(2);
  });
});

describe('parseSource errors', () => {
  it('rejects a file without front matter', () => {
    const error = errorOf('# Title\n');
    expect(error.code).toBe('front-matter');
    expect(error.line).toBe(1);
  });

  it('rejects front matter that is never closed', () => {
    expect(errorOf('---\nid: x\n').message).toMatch(/never closed/);
  });

  it('reports invalid YAML with its line in the file', () => {
    const error = errorOf('---\nid: sample\ntitle: [unclosed\nreliability: primary\n---\n');
    expect(error.code).toBe('front-matter');
    expect(error.message).toMatch(/not valid YAML/);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('names a missing required field', () => {
    const error = errorOf('---\nid: sample\ntype: book\nreliability: primary\n---\n');
    expect(error.code).toBe('metadata');
    expect(error.message).toBe('line 1: front matter: `title` is required');
  });

  it('names a field with a wrong value and its line', () => {
    const error = errorOf('---\nid: sample\ntype: book\ntitle: T\nreliability: low\n---\n');
    expect(error.message).toBe(
      'line 5: front matter: `reliability`: ' +
        'must be one of primary, secondary, tertiary, derivative (found "low")',
    );
  });

  it('rejects an id that cannot name a file', () => {
    const text = '---\nid: Edemskiy 2019\ntype: book\ntitle: T\nreliability: primary\n---\n';
    expect(errorOf(text).line).toBe(2);
  });

  it('rejects an unknown directive with its line', () => {
    const error = errorOf(file('First.\n\nSee {{pge:5}} here.\n'));
    expect(error.code).toBe('directive');
    expect(error.line).toBe(10);
    expect(error.message).toMatch(/unknown directive `\{\{pge:5\}\}`/);
  });

  it('rejects an unclosed directive, a page without a label and an empty gap description', () => {
    expect(errorOf(file('a {{page:5 b\n')).message).toMatch(/not closed/);
    expect(errorOf(file('a {{page}} b\n')).message).toMatch(/needs a label/);
    expect(errorOf(file('a {{gap:}} b\n')).message).toMatch(/empty description/);
  });

  it('rejects a note reference without a note', () => {
    const error = errorOf(file('Text.[^7]\n'));
    expect(error.code).toBe('note');
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/\[\^7\] has no note/);
  });

  it('rejects a note defined twice', () => {
    expect(errorOf(file('A.[^1]\n\n[^1]: One.\n\n[^1]: Again.\n')).line).toBe(12);
  });

  it('rejects a list item of two paragraphs at its second paragraph', () => {
    const error = errorOf(file('- one\n\n  two\n'));
    expect(error.message).toMatch(/single paragraph/);
    expect(error.line).toBe(10);
  });

  it.each([
    ['an indented code block', '    code\n', /code blocks/],
    ['a fenced code block', '```\ncode\n```\n', /fenced code/],
    ['a numbered list', '1. one\n', /numbered lists/],
    ['a thematic break', '---\n', /thematic breaks/],
    ['a paragraph wrapped over two lines', 'one\ntwo\n', /single line/],
    ['a code span', 'a `b` c\n', /code spans/],
    ['an image', '![alt](x.png)\n', /images/],
    ['a list inside a quote', '> - item\n', /list inside a quote/],
    ['a quote inside a list item', '- > quote\n', /quote inside a quote or list item/],
    ['a link with a title', '[a](https://x.org "title")\n', /link titles/],
  ])('rejects %s', (_name, body, message) => {
    const error = errorOf(file(body));
    expect(error.code).toBe('markdown');
    expect(error.line).toBe(8);
    expect(error.message).toMatch(message);
  });
});
