import { describe, expect, it } from 'vitest';
import { carriedOmissions } from '../../../core/annotate/adjust.ts';
import type { Annotation } from '../../../core/annotate/model.ts';

const TEXT = 'Moscow did not respond, believing that differences should not be discussed publicly, in the media, but in meetings.';

function annotation(start: number, end: number, omissions: Annotation['omissions'], anchor: Annotation['anchor'] = 'anchored'): Annotation {
  return {
    id: 'a',
    sourceId: 's',
    quote: { exact: TEXT.slice(start, end), prefix: '', suffix: '' },
    position: { start, end },
    color: 'yellow',
    tags: [],
    note: '',
    omissions,
    created: '',
    modified: '',
    anchor,
  };
}

const cutText = ', in the media';
const cutAt = TEXT.indexOf(cutText);
const start = TEXT.indexOf('differences');

describe('the cuts a highlight keeps when its extent changes', () => {
  const trimmed = annotation(start, TEXT.length, [{ start: cutAt - start, end: cutAt - start + cutText.length }]);

  it('moves a cut with the start, leaving out the same words', () => {
    const from = TEXT.indexOf('believing');
    const [cut] = carriedOmissions(trimmed, TEXT.slice(from), { start: from, end: TEXT.length });
    expect(TEXT.slice(from).slice(cut!.start, cut!.end)).toBe(cutText);
  });

  it('drops a cut the new extent leaves out, or cuts into', () => {
    const end = cutAt + 4;
    expect(carriedOmissions(trimmed, TEXT.slice(start, end), { start, end })).toEqual([]);
  });

  it('drops the cuts of a highlight that was not where its quote is', () => {
    const moved = { ...trimmed, anchor: 'moved' as const };
    expect(carriedOmissions(moved, TEXT.slice(start), { start, end: TEXT.length })).toEqual([]);
  });

  it('drops cuts that would leave nothing to quote', () => {
    const whole = annotation(cutAt, cutAt + cutText.length + 1, [{ start: 0, end: cutText.length }]);
    expect(carriedOmissions(whole, cutText, { start: cutAt, end: cutAt + cutText.length })).toEqual([]);
  });
});
