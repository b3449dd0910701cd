import fc from 'fast-check';
import { checkRepresentable } from '../../../core/corpus/inline-pieces.ts';
import type {
  Block,
  BlockType,
  Correction,
  Inline,
  Note,
  Reliability,
  Source,
  SourceMeta,
  TextRun,
} from '../../../core/corpus/model.ts';

/** How many random Sources each property checks; raise it with FC_RUNS=5000 when hunting a bug. */
export const NUM_RUNS = Number(process.env.FC_RUNS ?? 200);

/** A test timeout that grows with NUM_RUNS. */
export const PROPERTY_TIMEOUT = Math.max(10_000, NUM_RUNS * 20);

// Everything Markdown, CommonMark emphasis, our directives or block trimming could misread.
const TRICKY = [
  ...['*', '**', '***', '_', '__', '[', ']', '[]', '{', '{{', '}}', '}', '\\', '\\*', '#', '##'],
  ...['>', '-', '--', '---', '+', '~', '~~~', '`', '```', '<', '<http://x.org>', '&', '&amp;'],
  ...['&#32;', '&#x41;', '&copy', '!', '![', '^', '[^1]', '[^1]:', ':', '1.', '1)', '1960. '],
  ...['2024.', '(', ')', '](x)', '|', '=', '===', '"', "'", ' ', '  ', '    ', '\t', '.', ',', '?'],
  ...['\u00a0', '\u2003', '\u3000', '\u2028', '\u200b', '\ufeff', '\u0338', '>\u0338', 'e\u0301'],
  ...['é', 'ской', 'Živorić', 'Koçi', 'Zëri', '😀', '𝔄', '—', '–', '“', '”', '’', '¹', '⁴⁵', 'ß'],
  ...['❧', '¢', '™', '…'],
];

/** True for strings a cleaned file's body can hold (no control characters or noncharacters). */
export function representable(text: string): boolean {
  try {
    checkRepresentable(text, 'text');
    return true;
  } catch {
    return false;
  }
}

const word = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 });
const anyChars = fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).filter(representable);
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: word },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }).filter(representable),
  },
  { weight: 1, arbitrary: anyChars },
);

/** Random non-empty text full of characters that Markdown or the directives treat as syntax. */
export const textArb = fc
  .array(fragment, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

const hrefArb = fc.constantFrom(
  'https://example.org/',
  'http://digitalarchive.wilsoncenter.org/document/117494',
  'https://x.org/a_(b)',
  'https://x.org/a)b',
  'https://x.org/?a=1&b=2&amp;c',
  'mailto:a@b.org',
  'https://x.org/with space',
  'https://x.org/<angle>',
  'https://x.org/back\\slash',
  '',
  '#frag',
  'https://x.org/ä😀',
  'javascript:alert(1)',
);

const runArb: fc.Arbitrary<TextRun> = fc
  .record({
    text: textArb,
    em: fc.boolean(),
    strong: fc.boolean(),
    href: fc.option(hrefArb, { freq: 4 }),
  })
  .map(({ text, em, strong, href }) => {
    const run: TextRun = { type: 'text', text };
    if (em) run.em = true;
    if (strong) run.strong = true;
    if (href !== null) run.href = href;
    return run;
  });

const labelArb = fc.oneof(
  fc.constantFrom('375', '380', 'xii', 'A-3', '}', '}}', '{', '\\', 'a\\}b', ':', ' ', ' x ', 'é'),
  textArb,
);

/** Labels a note can carry: no whitespace, brackets, caret or backslash. */
export const noteLabelArb = fc.oneof(
  fc.constantFrom('1', '2', '45', '*', '†', '‡', 'a', 'ii', '*2', ':', '{', '}', '&amp;', '_', '😀'),
  fc
    .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 })
    .filter((s) => /^[^\s[\]^\\]+$/.test(s)),
);

function inlineArb(labels: readonly string[]): fc.Arbitrary<Inline> {
  const atoms: fc.Arbitrary<Inline>[] = [
    labelArb.map((label) => ({ type: 'page' as const, label })),
    labelArb.map((label) => ({ type: 'marker' as const, label })),
    fc
      .option(labelArb, { freq: 2 })
      .map((reason): Inline => (reason === null ? { type: 'gap' } : { type: 'gap', reason })),
  ];
  if (labels.length > 0) {
    atoms.push(fc.constantFrom(...labels).map((label) => ({ type: 'noteRef' as const, label })));
  }
  return fc.oneof({ weight: 6, arbitrary: runArb }, { weight: 2, arbitrary: fc.oneof(...atoms) });
}

function blockArb(labels: readonly string[]): fc.Arbitrary<Block> {
  return fc
    .record({
      type: fc.constantFrom<BlockType>('paragraph', 'paragraph', 'heading', 'quote', 'item'),
      level: fc.integer({ min: 1, max: 6 }),
      content: fc.array(inlineArb(labels), { minLength: 0, maxLength: 7 }),
    })
    .map(({ type, level, content }) =>
      type === 'heading' ? { type, id: 'x', level, content } : { type, id: 'x', content },
    );
}

const correctionArb: fc.Arbitrary<Correction> = fc.record({
  original: textArb,
  replacement: fc.oneof(textArb, fc.constant('')),
  reason: textArb,
});

function metaArb(id: string): fc.Arbitrary<SourceMeta> {
  return fc
    .record({
      title: textArb,
      short: fc.option(textArb),
      author: fc.option(fc.array(fc.record({ family: textArb, given: textArb }), { maxLength: 2 })),
      year: fc.option(fc.integer({ min: 1900, max: 2030 })),
      volume: fc.option(fc.constantFrom('50', 'L', '12', '0050')),
      reliability: fc.constantFrom<Reliability>('primary', 'secondary', 'tertiary', 'derivative'),
      derivativeOf: fc.option(fc.constantFrom('edemskiy-2019', 'wikipedia-split')),
      derivation: fc.option(textArb),
      rights: fc.option(textArb),
      caveats: fc.option(fc.array(textArb, { maxLength: 3 })),
      cleaning: fc.array(correctionArb, { maxLength: 3 }),
    })
    .map((r) => {
      const meta: SourceMeta = {
        csl: { id, type: 'article-journal', title: r.title },
        reliability: r.reliability,
        cleaning: r.cleaning,
      };
      if (r.short !== null) meta.csl['title-short'] = r.short;
      if (r.author !== null) meta.csl.author = r.author;
      if (r.year !== null) meta.csl.issued = { 'date-parts': [[r.year]] };
      if (r.volume !== null) meta.csl.volume = r.volume;
      if (r.derivativeOf !== null) meta.derivativeOf = r.derivativeOf;
      if (r.derivation !== null) meta.derivation = r.derivation;
      if (r.rights !== null) meta.rights = r.rights;
      if (r.caveats !== null) meta.caveats = r.caveats;
      return meta;
    });
}

/** Random Sources: every block type, marks, links, notes, milestones, gaps and markers anywhere. */
export const sourceArb: fc.Arbitrary<Source> = fc
  .uniqueArray(noteLabelArb, { maxLength: 3 })
  .chain((labels) =>
    fc.record({
      meta: metaArb('test-source'),
      blocks: fc.array(blockArb(labels), { maxLength: 6 }),
      notes: fc.tuple(
        ...labels.map((label) =>
          fc.array(blockArb(labels), { maxLength: 3 }).map((blocks): Note => ({ label, blocks })),
        ),
      ),
    }),
  )
  .map(({ meta, blocks, notes }) => ({ id: meta.csl.id, meta, blocks, notes: [...notes] }));

const tinyChar = fc.constantFrom(
  ...['a', 'b', ' ', '.', '*', '_', '"', '(', 'é', '1', '\u00a0', '[', '!', '&'],
);
const tinyText = fc.array(tinyChar, { minLength: 1, maxLength: 2 }).map((chars) => chars.join(''));

/**
 * Sources of one paragraph made of tiny runs with every combination of marks: the cases where
 * CommonMark's emphasis rules are hardest to satisfy (delimiters between punctuation, spaces
 * and letters, inside words, one after another).
 */
export const emphasisSourceArb: fc.Arbitrary<Source> = fc
  .array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          text: tinyText,
          em: fc.boolean(),
          strong: fc.boolean(),
          link: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => {
    const content: Inline[] = parts.map((part) => {
      if (part === null) return { type: 'page', label: '9' };
      const run: TextRun = { type: 'text', text: part.text };
      if (part.em) run.em = true;
      if (part.strong) run.strong = true;
      if (part.link) run.href = 'https://x.org/';
      return run;
    });
    return {
      id: 'test-source',
      meta: {
        csl: { id: 'test-source', type: 'book', title: 'T' },
        reliability: 'primary',
        cleaning: [],
      },
      blocks: [{ type: 'paragraph', id: 'x', content }],
      notes: [],
    };
  });
