import type { Correction } from '../corpus/model.ts';
import { DomainError } from '../errors.ts';

/** A correction as a recipe states it: how many times `original` must occur (1 unless stated). */
export interface CountedCorrection extends Correction {
  count?: number;
}

/** Why a correction could not be applied. */
export type CorrectionErrorCode = 'count-mismatch' | 'empty-original';

/**
 * A correction whose `original` does not occur exactly `count` times in the text it is applied
 * to (the raw text after the corrections before it). The message names the correction by its
 * number in the recipe and says what was expected and found.
 */
export class CorrectionError extends DomainError<CorrectionErrorCode> {
  override name = 'CorrectionError';
  /** 1-based position of the correction in the recipe's list. */
  readonly number: number;
  readonly correction: CountedCorrection;
  readonly expected: number;
  readonly found: number;

  constructor(
    code: CorrectionErrorCode,
    number: number,
    correction: CountedCorrection,
    expected: number,
    found: number,
  ) {
    super(code, describe(code, number, correction, expected, found));
    this.number = number;
    this.correction = correction;
    this.expected = expected;
    this.found = found;
  }
}

/**
 * Applies corrections in order, each to the text the previous ones produced, replacing every
 * occurrence of `original` by `replacement`. Each `original` must occur exactly `count` times
 * (default 1), counted without overlaps; otherwise a `CorrectionError` names the correction.
 */
export function applyCorrections(raw: string, corrections: readonly CountedCorrection[]): string {
  let text = raw;
  corrections.forEach((correction, i) => {
    const expected = correction.count ?? 1;
    if (correction.original === '') {
      throw new CorrectionError('empty-original', i + 1, correction, expected, 0);
    }
    const parts = text.split(correction.original);
    const found = parts.length - 1;
    if (found !== expected) {
      throw new CorrectionError('count-mismatch', i + 1, correction, expected, found);
    }
    text = parts.join(correction.replacement);
  });
  return text;
}

function describe(
  code: CorrectionErrorCode,
  number: number,
  c: CountedCorrection,
  expected: number,
  found: number,
): string {
  const original = JSON.stringify(c.original);
  const replacement = JSON.stringify(c.replacement);
  const name = `Correction ${number} (${original} → ${replacement}: ${c.reason})`;
  if (code === 'empty-original') {
    return `${name} has an empty \`original\`; say which text it replaces.`;
  }
  const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);
  let hint: string;
  if (found === 0) {
    hint =
      'Check the spelling against the raw file, ' +
      'and whether an earlier correction already changed this text.';
  } else if (found > expected) {
    hint =
      'Add surrounding words to `original` so that it is unique, ' +
      `or set \`count: ${found}\` if every occurrence needs the change.`;
  } else {
    hint =
      `Set \`count: ${found}\` if that is right, ` +
      'and check whether an earlier correction already changed the others.';
  }
  const occurs = found === 0 ? 'nowhere' : times(found);
  const expects = `expects ${original} ${times(expected)} in the raw text`;
  return `${name} ${expects}, but it occurs ${occurs}. ${hint}`;
}
