import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { pageSpans } from '../../../core/interop/annotations/page-spans.ts';
import { placeQuote } from '../../../core/interop/annotations/place.ts';

// The same sentence on two printed pages: only the page a tool names tells them apart.
const source = parseSource(
  [
    '---',
    'id: minutes-1961',
    'type: manuscript',
    'title: Minutes',
    'reliability: primary',
    '---',
    '',
    '{{page:7}}The delegation left the hall. Nobody spoke. The session was closed at noon.',
    '',
    '{{page:8}}Later that day the delegation left the hall. The 𝔄 seal was broken; the minutes end.',
    '',
  ].join('\n'),
);
const text = readingText(source).text;
const pages = pageSpans(source);
const request = { text, pages, position: null, pageLabel: null, pageOffset: null };

describe('placing another tool’s quote in our text', () => {
  it('finds the printed pages of the body', () => {
    expect(pages.map((p) => [p.label, text.slice(p.start, p.end)])).toEqual([
      ['7', 'The delegation left the hall. Nobody spoke. The session was closed at noon.\n\n'],
      ['8', 'Later that day the delegation left the hall. The 𝔄 seal was broken; the minutes end.'],
    ]);
  });

  it('takes a quote without context on the page it names, else the first', () => {
    const quote = { exact: 'the delegation left the hall', prefix: '', suffix: '' };
    const onEight = placeQuote({ ...request, quote, pageLabel: '8' });
    expect(onEight.status).toBe('anchored');
    expect(onEight.position.start).toBe(text.lastIndexOf('the delegation left the hall'));
    expect(onEight.quote.prefix).toBe('closed at noon.\n\nLater that day ');
    const caseOnSeven = placeQuote({ ...request, quote: { exact: 'The delegation left the hall', prefix: '', suffix: '' }, pageLabel: '7' });
    expect(caseOnSeven.position.start).toBe(0);
  });

  it('counts a W3C position in code points (a character outside the BMP before it counts one)', () => {
    const words = 'seal was broken';
    const codePoints = [...text].join('').indexOf(words) - 1;
    const placed = placeQuote({ ...request, quote: { exact: words, prefix: 'The 𝔄 ', suffix: '; the minutes' }, position: { start: codePoints, end: codePoints + words.length } });
    expect(placed).toMatchObject({ status: 'anchored', position: { start: text.indexOf(words), end: text.indexOf(words) + words.length } });
  });

  it('folds white space and typographic marks, marks a reworded quote moved, and keeps a lost one as an orphan', () => {
    const spaced = placeQuote({ ...request, quote: { exact: 'Nobody  spoke.\nThe session', prefix: 'left the hall. ', suffix: ' was closed' } });
    expect(spaced).toMatchObject({ status: 'anchored', quote: { exact: 'Nobody spoke. The session' } });
    const reworded = placeQuote({ ...request, quote: { exact: 'The seal was broken, the minute ends', prefix: 'left the hall. The 𝔄 ', suffix: '' }, pageLabel: '8' });
    expect(reworded.status).toBe('moved');
    expect(reworded.quote.exact).toBe('The seal was broken, the minute ends');
    const lost = placeQuote({ ...request, quote: { exact: 'The ambassador was recalled in 1962', prefix: '', suffix: '' }, pageLabel: '8' });
    expect(lost).toMatchObject({ status: 'orphaned', quote: { exact: 'The ambassador was recalled in 1962' } });
    expect(lost.position.end).toBeGreaterThan(lost.position.start);
  });
});
