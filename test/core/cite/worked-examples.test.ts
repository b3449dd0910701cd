import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { Cluster } from '../../../core/cite/cite-document.ts';
import { runCite } from '../../../core/cite/cite-json.ts';
import { toHtml, toMarkdown, toPlainText } from '../../../core/cite/render.ts';
import type { Rich } from '../../../core/cite/rich.ts';
import type { CiteOptions } from '../../../core/cite/style.ts';
import { fixture, goldenHtml, goldenMarkdown, goldenText, seedItems } from './golden.ts';

/** A form as the worked examples give it: the CSL output, or the Manual form that replaces it (decisions D1–D14). */
type Deviation = { csl: string | null; manual: string | null; deviations: string[] };
type Form = string | null | Deviation;
type FormName = 'full' | 'fullNoLocator' | 'consecutiveSame' | 'consecutiveNew' | 'short' | 'bibliography';
type StyleName = 'cmos18' | 'cmos17' | 'cmos18-ibid' | 'cmos17-ibid' | 'cmos17-author-title';

interface Example {
  section: string;
  item: string;
  locatorA?: string;
  locatorB?: string;
  otherItem: string;
  forms: Partial<Record<StyleName, Partial<Record<FormName, Form>>>>;
}

interface SequenceNote {
  noteIndex: number;
  citation: string;
  cites: { id: string; locator?: string }[];
  expected?: Record<'cmos18' | 'cmos17' | 'cmos18-ibid', Form>;
}

interface Fixture {
  placeholders: Record<string, string>;
  examples: Example[];
  sequence: {
    notes: SequenceNote[];
    bibliography: Record<'cmos18' | 'cmos17', { id: string; text: Form }[]>;
  };
}

const golden = fixture<Fixture>('worked-examples.json');
const items = seedItems();

const OPTIONS: Record<StyleName, CiteOptions> = {
  cmos18: { edition: 18 },
  cmos17: { edition: 17 },
  'cmos18-ibid': { edition: 18, ibid: true },
  'cmos17-ibid': { edition: 17, ibid: true },
  'cmos17-author-title': { edition: 17, consecutive: 'author-title' },
};

/** Each variant lists only the forms that differ from its edition's default. */
const BASE: Record<StyleName, StyleName | null> = {
  cmos18: null,
  cmos17: null,
  'cmos18-ibid': 'cmos18',
  'cmos17-ibid': 'cmos17',
  'cmos17-author-title': 'cmos17',
};

/** The string our formatter must produce, with "URL" standing for the item's URL as in the fixture. */
function expected(form: Form): string | null {
  const text = form !== null && typeof form === 'object' ? form.manual : form;
  if (text === null) return null;
  return Object.entries(golden.placeholders).reduce((s, [token, id]) => {
    const url = items.find((i) => i.id === id)?.URL ?? '';
    return s.replaceAll(token, url);
  }, text);
}

function formsOf(example: Example, style: StyleName): Partial<Record<FormName, Form>> {
  const base = BASE[style];
  return { ...(base ? example.forms[base] : {}), ...example.forms[style] };
}

function expectRich(rich: Rich | undefined, golden: string): void {
  expect(rich).toBeDefined();
  expect(toHtml(rich ?? [])).toBe(goldenHtml(golden));
  expect(toPlainText(rich ?? [])).toBe(goldenText(golden));
  expect(toMarkdown(rich ?? [])).toBe(goldenMarkdown(golden));
}

/** The worked examples' run of five notes: A, A again, B, another source, B again. */
function fiveNoteRun(example: Example, style: StyleName) {
  const cite = (locator?: string): Cluster => ({ items: [{ id: example.item, ...(locator ? { locator } : {}) }] });
  const clusters = [
    cite(example.locatorA),
    cite(example.locatorA),
    cite(example.locatorB),
    { items: [{ id: example.otherItem }] },
    cite(example.locatorB),
  ];
  return citeDocument(items, clusters, OPTIONS[style]);
}

describe('worked examples (docs/citation-rules.md §4)', () => {
  for (const example of golden.examples) {
    for (const style of Object.keys(example.forms) as StyleName[]) {
      describe(`${example.section} ${example.item}, ${style}`, () => {
        const forms = formsOf(example, style);
        const doc = fiveNoteRun(example, style);
        const noteForms: [FormName, number][] = [
          ['full', 0],
          ['consecutiveSame', 1],
          ['consecutiveNew', 2],
          ['short', 4],
        ];
        for (const [name, index] of noteForms) {
          const form = forms[name];
          if (form === undefined) continue;
          it(`writes the ${name} form as the worked example gives it`, () => {
            expectRich(doc.notes[index]?.rich, expected(form) ?? '');
          });
        }
        const noLocator = forms.fullNoLocator;
        if (noLocator !== undefined) {
          it('writes the full note without a locator as the worked example gives it', () => {
            const single = citeDocument(items, [{ items: [{ id: example.item }] }], OPTIONS[style]);
            expectRich(single.notes[0]?.rich, expected(noLocator) ?? '');
          });
        }
        const bibliography = forms.bibliography;
        if (bibliography !== undefined) {
          it('writes the bibliography entry as the worked example gives it, or leaves the item out', () => {
            const entry = doc.bibliography.find((e) => e.id === example.item);
            const want = expected(bibliography);
            if (want === null) expect(entry).toBeUndefined();
            else expectRich(entry?.rich, want);
          });
        }
      });
    }
  }
});

describe('deviations from the CSL output recorded in the worked examples', () => {
  const deviations = golden.examples.flatMap((example) =>
    Object.entries(example.forms).flatMap(([style, forms]) =>
      Object.entries(forms ?? {}).flatMap(([name, form]) =>
        form !== null && typeof form === 'object' ? [{ label: `${example.section} ${style} ${name}`, form }] : [],
      ),
    ),
  );

  it('records at least the decisions D3–D7 (docs/citation-rules.md §3)', () => {
    const names = new Set(deviations.flatMap((d) => d.form.deviations));
    expect([...names].sort()).toEqual(['D3', 'D4', 'D5', 'D6', 'D7']);
  });

  for (const { label, form } of deviations) {
    it(`departs from the CSL output on purpose in ${label} (${form.deviations.join(', ')})`, () => {
      expect(form.manual).not.toBe(form.csl);
    });
  }
});

describe('document sequence of the worked examples', () => {
  const clusters: Cluster[] = golden.sequence.notes.map((note) => ({
    noteIndex: note.noteIndex,
    items: note.cites.map((c) => ({ id: c.id, ...(c.locator ? { locator: c.locator } : {}) })),
  }));
  const styles = ['cmos18', 'cmos17', 'cmos18-ibid'] as const;

  for (const style of styles) {
    const doc = citeDocument(items, clusters, OPTIONS[style]);
    for (const note of golden.sequence.notes) {
      const form = note.expected?.[style];
      if (form === undefined) continue;
      it(`writes note ${note.noteIndex} (${note.citation}) in ${style}`, () => {
        expectRich(doc.notes.find((n) => n.noteIndex === note.noteIndex)?.rich, expected(form) ?? '');
      });
    }
  }

  for (const style of ['cmos18', 'cmos17'] as const) {
    it(`lists the two Edemskiy works in ${style} as the worked examples give them, and leaves Wikipedia out`, () => {
      const doc = citeDocument(items, clusters, OPTIONS[style]);
      const ids = doc.bibliography.map((e) => e.id);
      expect(ids).not.toContain('wikipedia-split');
      const want = golden.sequence.bibliography[style];
      const first = ids.indexOf(want[0]?.id ?? '');
      expect(ids.slice(first, first + want.length)).toEqual(want.map((w) => w.id));
      want.forEach((w, i) => expectRich(doc.bibliography[first + i]?.rich, expected(w.text) ?? ''));
    });
  }

  it('gives the same notes through runCite, as text and HTML', () => {
    const result = runCite(items, clusters, 'cmos18-ibid');
    for (const note of golden.sequence.notes) {
      const form = note.expected?.['cmos18-ibid'];
      if (form === undefined) continue;
      const got = result.notes.find((n) => n.noteIndex === note.noteIndex);
      expect(got?.html).toBe(goldenHtml(expected(form) ?? ''));
      expect(got?.text).toBe(goldenText(expected(form) ?? ''));
    }
  });
});
