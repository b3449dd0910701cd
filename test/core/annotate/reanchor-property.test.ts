import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../core/annotate/create.ts';
import { CONTEXT_LENGTH } from '../../../core/annotate/describe.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { reanchorAll } from '../../../core/annotate/reanchor.ts';
import { edemskiyText } from './fixture-text.ts';

// The unit suite keeps this modest; the reliability suite sets APPARATUS_PROPERTY_RUNS=10000.
const RUNS = Number(process.env.APPARATUS_PROPERTY_RUNS) || 300;
const TIMEOUT = Math.max(60_000, RUNS * 100);

const original = edemskiyText();

const words = [...new Set(original.split(/\s+/))];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'deleteParagraph'; index: number }
  | { kind: 'duplicate'; from: number; length: number; at: number };

const prose = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz .,;’—'),
    minLength: 1,
    maxLength: 30,
  }),
  fc.constantFrom(' ', '\n\n', 'the ', 'Soviet ', 'Khrushchev'),
);

const position = fc.nat({ max: 1_000_000 });

const uniqueEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: prose }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: position,
    length: fc.integer({ min: 1, max: 40 }),
    text: prose,
  }),
  fc.record({ kind: fc.constant('deleteParagraph' as const), index: fc.nat({ max: 20 }) }),
);

// Copies a passage elsewhere: repeated passages are where anchoring can pick the wrong copy.
const anyEdit: fc.Arbitrary<Edit> = fc.oneof(
  uniqueEdit,
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: position,
    length: fc.integer({ min: 1, max: 300 }),
    at: position,
  }),
);

const ranges = fc.array(
  fc.record({ at: position, length: fc.integer({ min: 1, max: 150 }) }),
  { minLength: 1, maxLength: 6 },
);

/** The edit as a splice of the current text: replace [start, end) by `insert`. */
function splice(text: string, edit: Edit): { start: number; end: number; insert: string } {
  const n = text.length;
  switch (edit.kind) {
    case 'insert':
      return { start: edit.at % (n + 1), end: edit.at % (n + 1), insert: edit.text };
    case 'delete':
    case 'replace': {
      const start = edit.at % (n + 1);
      const insert = edit.kind === 'replace' ? edit.text : '';
      return { start, end: Math.min(n, start + edit.length), insert };
    }
    case 'deleteParagraph': {
      const starts = [0];
      for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 1)) {
        starts.push(i + 2);
      }
      const k = edit.index % starts.length;
      const start = starts[k] as number;
      const next = text.indexOf('\n\n', start);
      // Remove the paragraph with one adjacent separator, as re-cleaning a source would.
      if (next >= 0) return { start, end: next + 2, insert: '' };
      return { start: Math.max(0, start - 2), end: n, insert: '' };
    }
    case 'duplicate': {
      const from = edit.from % (n + 1);
      const at = edit.at % (n + 1);
      return { start: at, end: at, insert: text.slice(from, Math.min(n, from + edit.length)) };
    }
  }
}

function annotate(text: string, spec: { at: number; length: number }[]): Annotation[] {
  return spec.map(({ at, length }, i) => {
    const start = at % (text.length - 1);
    return createAnnotation({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      sourceId: 'fixture',
      text,
      start,
      end: Math.min(text.length, start + length),
      now: '2026-03-01T10:00:00Z',
    });
  });
}

/** The invariants every re-anchoring must keep, whatever the edit. */
function checkInvariants(
  text: string,
  before: Annotation[],
  after: ReturnType<typeof reanchorAll>,
): void {
  expect(after.map((r) => r.annotation.id)).toEqual(before.map((a) => a.id));
  after.forEach(({ annotation, current }, i) => {
    const old = before[i] as Annotation;
    expect(annotation.quote.exact).toBe(old.quote.exact);
    const { start, end } = annotation.position;
    switch (annotation.anchor) {
      case 'anchored':
        expect(text.slice(start, end)).toBe(annotation.quote.exact);
        expect(current).toBe(annotation.quote.exact);
        break;
      case 'moved':
        expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
        expect(0 <= start && start < end && end <= text.length).toBe(true);
        expect(current).toBe(text.slice(start, end));
        expect(current).not.toBe(annotation.quote.exact);
        break;
      case 'orphaned':
        expect(annotation.position).toEqual(old.position);
        expect(current).toBeNull();
        break;
      default:
        throw new Error(`unknown anchor status ${String(annotation.anchor)}`);
    }
  });
}

describe('reanchorAll under random edits of corpus paragraphs', () => {
  it(
    'never loses an annotation, and an anchored one always shows its exact quote',
    () => {
      fc.assert(
        fc.property(ranges, fc.array(anyEdit, { minLength: 1, maxLength: 8 }), (spec, edits) => {
          let text = original;
          let annotations = annotate(text, spec);
          for (const edit of edits) {
            const { start, end, insert } = splice(text, edit);
            text = text.slice(0, start) + insert + text.slice(end);
            const results = reanchorAll(text, annotations);
            checkInvariants(text, annotations, results);
            annotations = results.map((r) => r.annotation);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'keeps an anchored highlight anchored, shifted, when an edit leaves it and its context alone',
    () => {
      fc.assert(
        fc.property(ranges, fc.array(uniqueEdit, { minLength: 1, maxLength: 8 }), (spec, edits) => {
          let text = original;
          let annotations = annotate(text, spec);
          for (const edit of edits) {
            const { start, end, insert } = splice(text, edit);
            const expected = annotations.map((a) => {
              const { start: s, end: e } = a.position;
              const touched = start <= e + CONTEXT_LENGTH && end >= s - CONTEXT_LENGTH;
              if (a.anchor !== 'anchored' || touched) return undefined;
              const shift = end <= s ? insert.length - (end - start) : 0;
              return { start: s + shift, end: e + shift };
            });
            text = text.slice(0, start) + insert + text.slice(end);
            annotations = reanchorAll(text, annotations).map((r) => r.annotation);
            annotations.forEach((annotation, i) => {
              if (expected[i] === undefined) return;
              expect(annotation.anchor).toBe('anchored');
              expect(annotation.position).toEqual(expected[i]);
            });
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
