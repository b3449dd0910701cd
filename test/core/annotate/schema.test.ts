import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import { COLORS } from '../../../core/annotate/palette.ts';
import { parseAnnotation, parseTag } from '../../../core/annotate/schema.ts';

const valid: Annotation = {
  id: '3f1c7a52-9b1e-4c55-8f0e-2d1a7b6c8e01',
  sourceId: '004_b2516ecbae186d39',
  quote: {
    exact: 'Enver Hoxha',
    prefix: 'As leaders of a small country, ',
    suffix: ' and his entourage',
  },
  position: { start: 120, end: 131 },
  color: 'purple',
  tags: ['albania', 'leaders'],
  note: 'Compare *Mëhilli*, p. 12.',
  omissions: [],
  created: '2026-03-01T10:00:00.000Z',
  modified: '2026-03-02T08:30:00+01:00',
  anchor: 'moved',
};

function problems(input: unknown): string[] {
  const result = parseAnnotation(input);
  return result.ok ? [] : result.problems;
}

describe('parseAnnotation', () => {
  it('accepts a well-formed annotation and returns it unchanged', () => {
    expect(parseAnnotation(structuredClone(valid))).toEqual({ ok: true, value: valid });
  });

  it('drops fields it does not know', () => {
    const result = parseAnnotation({ ...valid, $orphan: true, user: 'someone' });
    expect(result).toEqual({ ok: true, value: valid });
  });

  it('offers at least five named colours and rejects any other value', () => {
    expect(COLORS.length).toBeGreaterThanOrEqual(5);
    for (const color of COLORS) expect(problems({ ...valid, color })).toEqual([]);
    expect(problems({ ...valid, color: '#ff0' })).toEqual([
      `Annotation colour must be one of ${COLORS.join(', ')}.`,
    ]);
  });

  it('names every problem with its field in plain words', () => {
    const bad = {
      ...valid,
      id: 'not-a-uuid',
      quote: { ...valid.quote, exact: '' },
      position: { start: 10, end: 4 },
      tags: ['a', 'a'],
      created: 'yesterday',
      anchor: 'lost',
    };
    expect(problems(bad)).toEqual([
      'Annotation id must be a UUID.',
      'Annotation highlighted text cannot be empty.',
      'Annotation position must end after it starts.',
      'Annotation tag list must not name a tag twice.',
      'Annotation creation date must be an ISO 8601 date and time, e.g. 2026-03-01T14:05:00Z.',
      'Annotation anchoring status must be one of anchored, moved, orphaned.',
    ]);
  });

  it('rejects negative and fractional offsets', () => {
    expect(problems({ ...valid, position: { start: -1, end: 4 } })).toEqual([
      'Annotation start position cannot be negative.',
    ]);
    expect(problems({ ...valid, position: { start: 1.5, end: 4 } })).toEqual([
      'Annotation start position must be a whole number.',
    ]);
  });

  it('rejects something that is not an annotation at all', () => {
    expect(problems(null)).toEqual(['Annotation is not an annotation.']);
    expect(problems({ ...valid, note: undefined })).toEqual([
      'Annotation note must be text (Markdown).',
    ]);
  });
});

describe('parseTag', () => {
  it('accepts a tag with or without a parent', () => {
    const tag = { id: 't1', name: 'Albania', color: 'green' };
    expect(parseTag(tag)).toEqual({ ok: true, value: tag });
    const child = { ...tag, parent: 't0' };
    expect(parseTag(child)).toEqual({ ok: true, value: child });
  });

  it('rejects a tag without a name or with an unknown colour', () => {
    expect(parseTag({ id: 't1', name: '', color: 'teal' })).toEqual({
      ok: false,
      problems: ['Tag name cannot be empty.', `Tag colour must be one of ${COLORS.join(', ')}.`],
    });
  });
});
