import { describe, expect, it } from 'vitest';
import { cleanMarkdown } from '../../../core/clean/markdown/markdown.ts';
import { cleanPlainText } from '../../../core/clean/plain-text/plain-text.ts';
import { Progress } from '../../../core/clean/progress.ts';

/** The fractions a cleaning reports, and its result. */
function reported<T>(clean: (onProgress: (fraction: number) => void) => T): { fractions: number[]; result: T } {
  const fractions: number[] = [];
  const result = clean((fraction) => fractions.push(fraction));
  return { fractions, result };
}

/** Rising, by a hundredth at least each time but the last, and ending at 1. */
function expectSteady(fractions: readonly number[]): void {
  expect(fractions.at(-1)).toBe(1);
  for (let i = 1; i < fractions.length - 1; i += 1) expect(fractions[i]! - fractions[i - 1]!).toBeGreaterThanOrEqual(0.01 - 1e-9);
  expect(fractions.at(-1)).toBeGreaterThan(fractions.at(-2) ?? 0);
}

describe('how far a cleaning has come', () => {
  it('moves over its steps by a hundredth at least, never back, and ends at 1 once', () => {
    const { fractions } = reported((report) => {
      const progress = new Progress(report);
      const first = progress.pass(0, 0.5);
      for (let i = 0; i <= 1000; i += 1) first(i / 1000);
      first(0.2);
      const second = progress.pass(0.5, 1);
      second(0.5);
      progress.end();
      progress.end();
    });
    // About 50 steps of a hundredth over the first half, then the second step's 0.75, then 1.
    expect(fractions.length).toBeGreaterThanOrEqual(49);
    expect(fractions.length).toBeLessThanOrEqual(52);
    expect(fractions[0]).toBeCloseTo(0.01, 5);
    expect(fractions.at(-3)).toBeGreaterThan(0.48);
    expect(fractions.at(-3)).toBeLessThanOrEqual(0.5);
    expect(fractions.at(-2)).toBe(0.75);
    expectSteady(fractions);
  });

  it('is told by a long Markdown file’s cleaning, through the parse and the walk, with the same body as without', () => {
    const sections = Array.from({ length: 400 }, (_, i) => `## Part ${i}\n\nThe delegation *left* Moscow.[^${i}]\n\n> A quoted **letter**, ${i}.\n\n- an item\n- another\n\n[^${i}]: A note.`);
    const raw = `# Minutes\n\n${sections.join('\n\n')}\n`;
    const { fractions, result } = reported((report) => cleanMarkdown(raw, report));
    expectSteady(fractions);
    // Reported inside the parse (its inline step) and inside the walk, not only at the end.
    expect(fractions.filter((fraction) => fraction > 0.15 && fraction < 0.55).length).toBeGreaterThan(10);
    expect(fractions.filter((fraction) => fraction > 0.6 && fraction < 1).length).toBeGreaterThan(10);
    expect(result).toEqual(cleanMarkdown(raw));
    expect(result.notes).toHaveLength(400);
  });

  it('is told by a long plain text’s cleaning, paragraph by paragraph, with the same body as without', () => {
    const raw = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of the minutes, hard\nwrapped over two lines.`).join('\n\n');
    const { fractions, result } = reported((report) => cleanPlainText(raw, report));
    expectSteady(fractions);
    expect(fractions.filter((fraction) => fraction > 0.35 && fraction < 1).length).toBeGreaterThan(30);
    expect(result).toEqual(cleanPlainText(raw));
  });
});
