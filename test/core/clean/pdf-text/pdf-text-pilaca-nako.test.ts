import { describe, expect, it } from 'vitest';
import { allBlocks, bodyMarkup, cleanFromRecipe, textOf } from './support.ts';

const body = cleanFromRecipe('pilaca-nako-2021');
const paragraphs = body.blocks.filter((block) => block.type !== 'heading').map(textOf);
const everything = allBlocks(body).map(textOf).join('\n\n');

describe('cleanPdfText on Pilaca and Nako (2021)', () => {
  it('leaves no hard line wrap inside any block', () => {
    for (const block of allBlocks(body)) {
      for (const inline of block.content) {
        if (inline.type === 'text') expect(inline.text).not.toMatch(/[\n\r]/u);
      }
    }
  });

  it('unwraps every paragraph into whole sentences joined by single spaces', () => {
    expect(everything).not.toMatch(/ {2}|^ | $/mu);
    expect(everything).toContain('Yugoslavia, pushed the Albanian leaders into changing attitude');
  });

  it('keeps the ten numbered section headings, in order, after the abstract heading', () => {
    const headings = body.blocks.filter((block) => block.type === 'heading');
    expect(headings.map(textOf)).toEqual([
      'Abstract',
      '1. Introduction',
      '2. The Peaceful Soviet-Albanian Relations',
      '3. The Renewed Soviet-Yugoslavian Relations',
      '4. China’s Approaching Towards Albania',
      '5. The Improvement of the Soviet-Albanian Relations',
      '6. A Re-Emerging of the Crisis',
      '7. The Soviet Pressure on Albania and the Failed Coup',
      '8. The Moscow Conference',
      '9. The Final Split',
      '10. Conclusions',
    ]);
    expect(headings.every((heading) => heading.level === 2)).toBe(true);
  });

  it('keeps the Kosygin letter as the one block quote, after its introduction', () => {
    const at = body.blocks.findIndex((block) => block.type === 'quote');
    const quotes = body.blocks.filter((block) => block.type === 'quote').map(textOf);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatch(/^After weighing all the circumstances, the Soviet Government/u);
    expect(quotes[0]).toMatch(/\(Freedman, 1970, p\. 79; Ash, 1974, p\. 205\)\.$/u);
    expect(textOf(body.blocks[at - 1]!)).toMatch(/in relation with the situation:$/u);
    expect(textOf(body.blocks[at + 1]!)).toMatch(/^The crisis within Soviet-Albanian relations/u);
  });

  it('keeps real hyphens at line ends: compounds with names, long-term and page ranges', () => {
    expect(everything).toContain('the curve of the Albanian-Soviet partnership');
    expect(everything).toContain('sign a small long-term agreement');
    expect(everything).toContain('(Hoxha, 1975, pp. 5-6) Later on');
  });

  it('drops the stray page-foot glyph and rejoins the citation it split', () => {
    expect(paragraphs).not.toContain('h');
    expect(bodyMarkup(body)).toContain('(Biberaj, 1986; {{page:76}}Mëhilli, 2017).');
  });

  it('repairs every ordinal suffix damaged into a quote mark or trade-mark sign', () => {
    // A day's damaged suffix would read `18"`, or `18”` once quotes are curled.
    expect(everything).not.toMatch(/(?<!\d)\d{1,2}["”™]|™/u);
    for (const repaired of [
      'August 18th 1955',
      'May 25th 1959',
      'between the 18th and 27th of June, 1960',
      'On June 21st, Khrushchev',
      'on September 4th, both',
      'until the 2nd of April',
      'On February 20th, Hoxha',
      'on April 26th 1961',
      'from the 2nd to the 5th of August 1961',
      'the 22nd Communist Party Congress',
      'on November 20th 1961',
    ]) {
      expect(everything).toContain(repaired);
    }
  });

  it('marks the day lost in “July ™” as a gap instead of guessing it', () => {
    const block = body.blocks.find((b) => textOf(b).includes('It was on July'))!;
    const at = block.content.findIndex((inline) => inline.type === 'gap');
    expect(at).toBeGreaterThan(0);
    const around = [block.content[at - 1], block.content[at + 1]];
    expect(around).toEqual([
      { type: 'text', text: expect.stringMatching(/July $/u) },
      { type: 'text', text: expect.stringMatching(/^, during/u) },
    ]);
  });

  it('prints only typographic quotes and apostrophes, with damaged possessives repaired', () => {
    expect(everything).not.toMatch(/["']/u);
    expect(everything).toContain('openly support Hoxha’s right');
    expect(everything).toContain('specifically Khrushchev’s visit in Belgrade');
    expect(everything).toContain('the Soviet Union’s Ministry of Foreign affairs');
    expect(everything).toContain('The Soviet support wasn’t just');
  });

  it('has no notes, since the article uses author–date citations', () => {
    expect(body.notes).toEqual([]);
  });

  it('keeps authorial errors as printed', () => {
    expect(everything).toContain('William S. Griffin’s work');
    expect(everything).toContain('422 million rubbles');
    expect(everything).toContain('whose inventions were to annex');
  });
});
