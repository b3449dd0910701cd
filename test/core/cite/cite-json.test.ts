import { describe, expect, it } from 'vitest';
import { runCite } from '../../../core/cite/cite-json.ts';
import { CitationError } from '../../../core/cite/errors.ts';
import { seedItems } from './golden.ts';

const items = seedItems();

function error(fn: () => unknown): CitationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CitationError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('runCite', () => {
  it('returns exactly the notes and bibliography entries, as text and HTML', () => {
    const result = runCite(items, [{ items: [{ id: 'griffith1963', locator: '45' }] }, { items: [{ id: 'griffith1963', locator: 45 }] }], 'cmos17-ibid');
    expect(result).toEqual({
      notes: [
        {
          noteIndex: 1,
          text: 'William E. Griffith, Albania and the Sino-Soviet Rift (Cambridge, MA: MIT Press, 1963), 45.',
          html: 'William E. Griffith, <i>Albania and the Sino-Soviet Rift</i> (Cambridge, MA: MIT Press, 1963), 45.',
        },
        { noteIndex: 2, text: 'Ibid.', html: 'Ibid.' },
      ],
      bibliography: {
        entries: [
          {
            id: 'griffith1963',
            text: 'Griffith, William E. Albania and the Sino-Soviet Rift. Cambridge, MA: MIT Press, 1963.',
            html: 'Griffith, William E. <i>Albania and the Sino-Soviet Rift</i>. Cambridge, MA: MIT Press, 1963.',
          },
        ],
      },
    });
  });

  it('maps the four style names to edition and Ibid. setting', () => {
    const clusters = [{ items: [{ id: 'griffith1963', locator: '45' }] }, { items: [{ id: 'griffith1963', locator: '45' }] }];
    const second = (style: string) => runCite(items, clusters, style).notes[1]?.text;
    expect(second('cmos18')).toBe('Griffith, Albania and the Sino-Soviet Rift, 45.');
    expect(second('cmos17')).toBe('Griffith, 45.');
    expect(second('cmos18-ibid')).toBe('Ibid.');
    expect(second('cmos17-ibid')).toBe('Ibid.');
  });

  it('accepts CSL-JSON numbers for ids, volumes and date parts', () => {
    const item = { id: 7, type: 'article-journal', title: 'T', 'container-title': 'J', volume: 3, issued: { 'date-parts': [['2001']] } };
    expect(runCite([item], [{ items: [{ id: 7 }] }], 'cmos18').notes[0]?.text).toBe('“T,” J 3 (2001).');
  });

  it('refuses an unknown style, listing the known ones', () => {
    const e = error(() => runCite(items, [], 'apa'));
    expect(e.code).toBe('unknown-style');
    expect(e.message).toBe('“apa” is not a citation style Apparatus knows. Use cmos18, cmos17, cmos18-ibid, cmos17-ibid.');
  });

  it('names the file, entry and field of invalid items', () => {
    const bad = [{ id: 'x', type: 'book', title: 'T', issued: { 'date-parts': [['spring']] } }];
    const e = error(() => runCite(bad, [], 'cmos18'));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/^The items, item 1 \(“x”\), field “issued\.date-parts\.0\.0”: /);
  });

  it('says what is missing from a cluster', () => {
    const e = error(() => runCite(items, [{ items: [{ locator: '3' }] }], 'cmos18'));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/^The clusters, cluster 1, field “items\.0\.id”: missing/);
  });

  it('refuses input that is not a list', () => {
    expect(error(() => runCite({ items }, [], 'cmos18')).message).toMatch(/^The items must be a JSON list/);
  });

  it('passes on the formatter’s own errors', () => {
    expect(error(() => runCite(items, [{ items: [{ id: 'nobody' }] }], 'cmos18')).code).toBe('unknown-item');
  });
});
