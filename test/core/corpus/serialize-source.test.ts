import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Source, SourceMeta } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { serializeBody, serializeSource } from '../../../core/corpus/serialize-source.ts';
import { SourceFormatError } from '../../../core/corpus/source-format-error.ts';

const META: SourceMeta = {
  csl: { id: 'sample', type: 'book', title: 'Sample' },
  reliability: 'primary',
  cleaning: [],
};
function source(blocks: Block[], notes: Source['notes'] = []): Source {
  return { id: 'sample', meta: META, blocks, notes };
}
function paragraph(...content: Inline[]): Block {
  return { type: 'paragraph', id: '', content };
}
type Marks = { em?: true; strong?: true; href?: string };
function text(value: string, marks: Marks = {}): Inline {
  return { type: 'text', text: value, ...marks };
}
function noteRef(label: string): Inline {
  return { type: 'noteRef', label };
}
/** The body of the file written for one block. */
function bodyOf(block: Block): string {
  return serializeSource(source([block])).split('---\n')[2]?.trim() ?? '';
}
function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

describe('serializeSource', () => {
  it.each(['full-syntax.md', 'sections-only.md'])('writes %s back exactly as read', (name) => {
    const text = fixture(name);
    expect(serializeSource(parseSource(text))).toBe(text);
  });

  it('writes the front matter in a fixed key order, whatever the order in memory', () => {
    const meta: SourceMeta = {
      caveats: ['Kept as printed.'],
      cleaning: [{ reason: 'OCR', replacement: 'Koçi', original: 'Ko¢i' }],
      reliability: 'derivative',
      derivativeOf: 'edemskiy-2019',
      csl: {
        zeta: 'unknown variable',
        URL: 'https://x.org',
        title: 'T',
        type: 'webpage',
        id: 'sample',
        author: [{ given: 'A', family: 'B' }],
      },
    };
    const front = serializeSource({ id: 'sample', meta, blocks: [], notes: [] });
    expect(front).toBe(
      [
        '---',
        'id: sample',
        'type: webpage',
        'title: T',
        'author:',
        '  - { family: B, given: A }',
        'URL: https://x.org',
        'zeta: unknown variable',
        'reliability: derivative',
        'derivative_of: edemskiy-2019',
        'caveats:',
        '  - Kept as printed.',
        'cleaning:',
        '  - original: Ko¢i',
        '    replacement: Koçi',
        '    reason: OCR',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('escapes what would start a heading, quote, list or numbered list at a line start', () => {
    expect(bodyOf(paragraph(text('# not a heading')))).toBe('\\# not a heading');
    expect(bodyOf(paragraph(text('> not a quote')))).toBe('\\> not a quote');
    expect(bodyOf(paragraph(text('- not an item')))).toBe('\\- not an item');
    expect(bodyOf(paragraph(text('+ not an item')))).toBe('\\+ not an item');
    expect(bodyOf(paragraph(text('1960. A year')))).toBe('1960\\. A year');
    expect(bodyOf(paragraph(text('1.5 million')))).toBe('1.5 million');
    expect(bodyOf({ type: 'item', id: '', content: [text('- dash')] })).toBe('- \\- dash');
  });

  it('escapes inline syntax wherever it stands', () => {
    expect(bodyOf(paragraph(text('a *b* _c_ [d] {{e}} `f` <g> \\ h')))).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\] \\{\\{e}} \\`f\\` \\<g> \\\\ h',
    );
    expect(bodyOf(paragraph(text('AT&amp;T & co &#32;')))).toBe('AT\\&amp;T & co \\&#32;');
    const link = text('link', { href: 'https://x.org' });
    expect(bodyOf(paragraph(text('Wow!'), link))).toBe('Wow\\![link](https://x.org)');
  });

  it('writes spaces at the edges of a line as character references so that they survive', () => {
    expect(bodyOf(paragraph(text(' indented, trailing ')))).toBe('&#32;indented, trailing&#32;');
  });

  it('keeps a milestone inside an emphasised word inside the emphasis', () => {
    const page: Inline = { type: 'page', label: '389' };
    const word = paragraph(text('agree', { em: true }), page, text('ments', { em: true }));
    expect(bodyOf(word)).toBe('*agree{{page:389}}ments*');
  });

  it('closes a link around a note reference, which CommonMark links cannot contain', () => {
    const href = 'https://x.org';
    const note = { label: '1', blocks: [] };
    const linked = paragraph(text('a', { href }), noteRef('1'), text('b', { href }));
    const body = serializeSource(source([linked], [note]));
    expect(body.split('---\n')[2]).toBe('\n[a](https://x.org)[^1][b](https://x.org)\n\n[^1]:\n');
  });

  it('escapes braces and backslashes in directive labels', () => {
    expect(bodyOf(paragraph({ type: 'gap', reason: 'a }} b \\' }))).toBe('{{gap:a \\}\\} b \\\\}}');
  });

  it('writes link addresses with spaces or parentheses so that they read back unchanged', () => {
    const linkTo = (href: string) => bodyOf(paragraph(text('x', { href })));
    expect(linkTo('https://x.org/a (b)')).toBe('[x](<https://x.org/a (b)>)');
    expect(linkTo('https://x.org/a_(b)')).toBe('[x](https://x.org/a_\\(b\\))');
  });

  it('separates quote paragraphs by a > line and lists items on consecutive lines', () => {
    const quote = (t: string): Block => ({ type: 'quote', id: '', content: [text(t)] });
    const item = (t: string): Block => ({ type: 'item', id: '', content: [text(t)] });
    const blocks = [quote('q1'), quote('q2'), item('i1'), item('i2'), paragraph(text('p'))];
    const body = serializeSource(source(blocks));
    expect(body.split('---\n')[2]).toBe('\n> q1\n>\n> q2\n\n- i1\n- i2\n\np\n');
  });

  it('indents further blocks of a note by four spaces', () => {
    const note = { label: '1', blocks: [paragraph(text('one')), paragraph(text('two'))] };
    const body = serializeSource(source([paragraph(text('a'), noteRef('1'))], [note]));
    expect(body.split('---\n')[2]).toBe('\na[^1]\n\n[^1]: one\n\n    two\n');
  });
});

describe('serializeSource errors', () => {
  function errorOf(value: Source): SourceFormatError {
    try {
      serializeSource(value);
    } catch (error) {
      if (error instanceof SourceFormatError) return error;
      throw error;
    }
    throw new Error('expected a SourceFormatError');
  }

  it('refuses a note reference to a note the source does not have', () => {
    expect(errorOf(source([paragraph(text('a'), noteRef('9'))])).message).toMatch(/note "9"/);
  });

  it('refuses control characters, which no one-line paragraph can hold', () => {
    const error = errorOf(source([paragraph(text('line\nbreak'))]));
    expect(error.code).toBe('unrepresentable');
    expect(error.message).toMatch(/U\+000A/);
  });

  it('refuses a heading level beyond 6, a bad note label, an id unlike the metadata’s', () => {
    const heading: Block = { type: 'heading', id: '', level: 7, content: [text('h')] };
    expect(errorOf(source([heading])).message).toMatch(/level 7/);
    expect(errorOf(source([], [{ label: 'a b', blocks: [] }])).message).toMatch(/note label/);
    expect(errorOf({ ...source([]), id: 'other' }).message).toMatch(/differs/);
  });

  it('refuses metadata that would not read back, naming the field', () => {
    const bad = { ...source([]), meta: { ...META, reliability: 'low' as never } };
    expect(errorOf(bad).message).toMatch(/`reliability`/);
  });
});

describe('serializeBody', () => {
  it.each(['full-syntax.md', 'sections-only.md'])('writes the body of %s as serializeSource does, after its front matter', (name) => {
    const read = parseSource(fixture(name));
    const whole = serializeSource(read);
    const front = serializeSource({ ...read, blocks: [], notes: [] });
    expect(front + serializeBody(read.blocks, read.notes)).toBe(whole);
  });

  it('numbers, normalises and drops empty blocks as serializeSource does, notes with or without body blocks', () => {
    const quote = (value: string): Block => ({ type: 'quote', id: '', content: [text(value)] });
    const item = (value: string): Block => ({ type: 'item', id: '', content: [text(value)] });
    const blocks = [paragraph(text('Cafe\u0301 '), text('au lait')), paragraph(), quote('One'), quote('Two'), item('A'), item('B'), paragraph(noteRef('1'))];
    const notes = [{ label: '1', blocks: [paragraph(text('First.')), paragraph(text('Second.'))] }];
    for (const [b, n] of [[blocks, notes], [[], notes], [blocks.slice(0, 6), []], [[], []]] as const) {
      const front = serializeSource(source([]));
      expect(front + serializeBody(b, n)).toBe(serializeSource(source([...b], [...n])));
    }
    expect(() => serializeBody([paragraph(noteRef('9'))], [])).toThrow(SourceFormatError);
  });
});
