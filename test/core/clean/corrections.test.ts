import { describe, expect, it } from 'vitest';
import { CorrectionError, applyCorrections } from '../../../core/clean/corrections.ts';

function errorOf(run: () => unknown): CorrectionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CorrectionError) return error;
    throw error;
  }
  throw new Error('expected a CorrectionError');
}

describe('applyCorrections', () => {
  it('replaces an original that occurs exactly once', () => {
    const corrections = [{ original: 'Ko¢i', replacement: 'Koçi', reason: 'OCR slip: ¢ for ç' }];
    expect(applyCorrections('Ko¢i Xoxe and Kogo Tashko', corrections)).toBe(
      'Koçi Xoxe and Kogo Tashko',
    );
  });

  it('replaces every occurrence when count says how many there are', () => {
    const dashes = [{ original: ' ? ', replacement: '–', reason: 'lost dash', count: 2 }];
    expect(applyCorrections('a ? b ? c', dashes)).toBe('a–b–c');
  });

  it('applies corrections in order, each to the text the previous ones produced', () => {
    const corrections = [
      { original: 'ской', replacement: 'skoi', reason: 'mixed script' },
      { original: 'sovetskoi', replacement: 'sovetskoi.', reason: 'test' },
    ];
    expect(applyCorrections('sovetской', corrections)).toBe('sovetskoi.');
  });

  it('can delete text with an empty replacement', () => {
    const stray = [{ original: ' h', replacement: '', reason: 'stray glyph' }];
    expect(applyCorrections('a h b', stray)).toBe('a b');
  });

  it('names the correction whose original does not occur', () => {
    const error = errorOf(() =>
      applyCorrections('text', [
        { original: 'text', replacement: 'Text', reason: 'first' },
        { original: 'Ko¢i', replacement: 'Koçi', reason: 'OCR slip' },
      ]),
    );
    expect(error.code).toBe('count-mismatch');
    expect(error.number).toBe(2);
    expect(error.expected).toBe(1);
    expect(error.found).toBe(0);
    expect(error.message).toMatch(
      /^Correction 2 \("Ko¢i" → "Koçi": OCR slip\) expects "Ko¢i" once in the raw text, but it occurs nowhere\./,
    );
  });

  it('names the correction whose original occurs more often than its count', () => {
    const dash = [{ original: '?', replacement: '–', reason: 'dash' }];
    const error = errorOf(() => applyCorrections('? and ?', dash));
    expect(error.found).toBe(2);
    expect(error.message).toMatch(/occurs 2 times\. Add surrounding words/);
  });

  it('names the correction whose original occurs less often than its count', () => {
    const three = [{ original: '?', replacement: '–', reason: 'dash', count: 3 }];
    const error = errorOf(() => applyCorrections('one ?', three));
    expect([error.expected, error.found]).toEqual([3, 1]);
    expect(error.message).toMatch(/expects "\?" 3 times in the raw text, but it occurs once/);
  });

  it('refuses an empty original', () => {
    const empty = [{ original: '', replacement: 'y', reason: 'r' }];
    expect(errorOf(() => applyCorrections('x', empty)).code).toBe('empty-original');
  });
});
