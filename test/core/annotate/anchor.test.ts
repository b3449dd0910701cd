import { describe, expect, it } from 'vitest';
import { anchor } from '../../../core/annotate/anchor.ts';
import { describe as describeRange } from '../../../core/annotate/describe.ts';
import type { Selectors } from '../../../core/annotate/model.ts';

const original =
  'The Soviet-Albanian differences that arose in the mid-1950s continued to accumulate ' +
  'negative potential. As leaders of a small country, Enver Hoxha and his entourage did not ' +
  'consider it possible to challenge the Soviets, the great power at the head of the Soviet camp.';

function select(text: string, phrase: string): Selectors {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test setup: "${phrase}" not in text`);
  return describeRange(text, start, start + phrase.length);
}

function textAt(text: string, result: ReturnType<typeof anchor>): string | undefined {
  return result.status === 'orphaned' ? undefined : text.slice(result.start, result.end);
}

describe('anchor', () => {
  it('keeps the old position when the text there is unchanged', () => {
    const selectors = select(original, 'Enver Hoxha and his entourage');
    const result = anchor(original, selectors);
    expect(result).toEqual({
      status: 'anchored',
      step: 'position',
      start: selectors.position.start,
      end: selectors.position.end,
    });
  });

  it('finds the exact quote again after text is inserted before it', () => {
    const selectors = select(original, 'Enver Hoxha and his entourage');
    const edited = 'A new opening sentence. ' + original;
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', step: 'quote' });
    expect(textAt(edited, result)).toBe('Enver Hoxha and his entourage');
    expect(result).toMatchObject({ start: selectors.position.start + 24 });
  });

  it('finds the exact quote again after text before it is deleted', () => {
    const selectors = select(original, 'the great power');
    const edited = original.replace('The Soviet-Albanian differences that arose in the ', '');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', step: 'quote' });
    expect(textAt(edited, result)).toBe('the great power');
  });

  it('prefers the occurrence whose context matches over a nearer one', () => {
    // The inserted sentence repeats the quote closer to the old position than the true place.
    const selectors = select(original, 'Enver Hoxha');
    const inserted = 'Historians long debated what Enver Hoxha intended at the time. ';
    const at = original.indexOf('As leaders');
    const edited = original.slice(0, at) + inserted + original.slice(at);
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', step: 'quote' });
    expect(result).toMatchObject({ start: edited.indexOf('Enver Hoxha and his') });
  });

  it('among occurrences with matching context picks the one nearest the old position', () => {
    const paragraph = 'The delegation met in Bucharest in late June.';
    const text = [paragraph, paragraph, paragraph].join('\n\n');
    const second = text.indexOf('Bucharest', paragraph.length);
    const selectors = describeRange(text, second, second + 'Bucharest'.length);
    const edited = 'Preface.\n\n' + text;
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', step: 'quote', start: second + 10 });
  });

  it('orphans a quote found only in unrelated context', () => {
    // The highlighted paragraph is gone; the phrase survives in a different sentence.
    const paragraphs = [
      'Moscow proceeded to meet the request in September, after long delays.',
      'The letter from Tirana was left unanswered for the whole summer.',
    ];
    const selectors = select(paragraphs.join('\n\n'), 'the whole summer');
    const edited = 'Archival files covering the whole summer are still classified in Moscow.';
    expect(anchor(edited, selectors)).toEqual({ status: 'orphaned' });
  });

  it('reports a quote whose words changed as moved, with the new range', () => {
    const selectors = select(original, 'did not consider it possible to challenge the Soviets');
    const edited = original.replace('consider it possible', 'think it feasible');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'moved', step: 'fuzzy' });
    expect(textAt(edited, result)).toBe('did not think it feasible to challenge the Soviets');
    expect(result.status === 'moved' && result.errors).toBeGreaterThan(0);
  });

  it('finds a changed quote even when it also moved far from its old position', () => {
    const selectors = select(original, 'did not consider it possible to challenge the Soviets');
    const filler = 'An unrelated paragraph about grain deliveries and trade. '.repeat(150);
    const edited = filler + '\n\n' + original.replace('consider it possible', 'think it feasible');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'moved' });
    expect(textAt(edited, result)).toBe('did not think it feasible to challenge the Soviets');
  });

  it('still finds a half-rewritten quote whose context is intact', () => {
    const selectors = select(original, 'did not consider it possible to challenge the Soviets');
    const edited = original.replace('did not consider it possible', 'would never dare');
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'moved' });
    expect(textAt(edited, result)).toBe('would never dare to challenge the Soviets');
  });

  it('orphans a quote that was rewritten beyond recognition', () => {
    const selectors = select(original, 'did not consider it possible to challenge the Soviets');
    const edited = original.replace(
      'did not consider it possible to challenge the Soviets',
      'openly defied Moscow from the spring of 1960 onwards',
    );
    expect(anchor(edited, selectors)).toEqual({ status: 'orphaned' });
  });

  it('does not look for approximate matches of a quote of a few characters', () => {
    const selectors = select(original, 'camp');
    const edited = original.replace('camp.', 'bloc.');
    expect(anchor(edited, selectors)).toEqual({ status: 'orphaned' });
  });

  it('orphans malformed selectors instead of throwing', () => {
    const selectors = select(original, 'Enver Hoxha');
    const empty = { ...selectors, quote: { ...selectors.quote, exact: '' } };
    expect(anchor(original, empty)).toEqual({ status: 'orphaned' });
    expect(anchor('short', selectors)).toEqual({ status: 'orphaned' });
    expect(anchor('', selectors)).toEqual({ status: 'orphaned' });
    const nan = { ...selectors, position: { start: Number.NaN, end: Number.NaN } };
    expect(anchor(original, nan)).toMatchObject({ status: 'anchored' });
  });

  it('does not take a short quote that reappears at its old offset by coincidence', () => {
    // Find an "e" with another "e" ten characters before it, far from the start of the text.
    let at = 60;
    while (!(original[at] === 'e' && original[at - 10] === 'e')) at += 1;
    const selectors = describeRange(original, at, at + 1);
    const edited = 'Preface.. ' + original; // ten characters: the old offset holds an "e" again
    expect(edited[at]).toBe('e');
    expect(anchor(edited, selectors)).toEqual({
      status: 'anchored',
      step: 'quote',
      start: at + 10,
      end: at + 11,
    });
  });

  it('does not trust a context clipped at the end of the text where the text goes on', () => {
    // The highlight ended its text, so its suffix is a lone "."; the paragraph is then deleted,
    // and the same phrase survives elsewhere followed by "." but not at the end.
    const first = 'Their stance had been decided at the plenum of the party in the autumn.';
    const selectors = select(first, 'in the autumn');
    const edited = 'Other sources place the decision in the autumn. The archives remain closed.';
    expect(anchor(edited, selectors)).toEqual({ status: 'orphaned' });
    expect(selectors.quote.suffix).toBe('.');
  });

  it('falls back to the quote when the old position lies beyond the new text', () => {
    const selectors = select(original, 'the great power');
    const far = { ...selectors, position: { start: 10_000, end: 10_015 } };
    expect(textAt(original, anchor(original, far))).toBe('the great power');
  });

  it('anchors a highlight at the very start of a text after a heading is put before it', () => {
    const selectors = select(original, 'The Soviet-Albanian differences');
    const edited = 'Introduction\n\n' + original;
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ status: 'anchored', start: 14 });
  });
});
