import { describe, expect, it } from 'vitest';
import { cleanPlainText } from '../../../../core/clean/plain-text/plain-text.ts';

const texts = (raw: string) => cleanPlainText(raw).blocks.map((block) => [block.type, block.content.map((run) => (run.type === 'text' ? run.text : '')).join('')]);

describe('cleanPlainText', () => {
  it('makes a paragraph of each run of lines between blank lines, joining hard wraps', () => {
    expect(texts('One line\nwrapped here.\r\n\r\n\n  Second\tparagraph.  \n')).toEqual([
      ['paragraph', 'One line wrapped here.'],
      ['paragraph', 'Second paragraph.'],
    ]);
  });

  it('rejoins words split at a line end but keeps real hyphens', () => {
    expect(texts('an obvi-\nous case of Soviet-\nAlbanian long-\nterm pp. 5-\n6 trade')).toEqual([
      ['paragraph', 'an obvious case of Soviet-Albanian long-term pp. 5-6 trade'],
    ]);
  });

  it('normalises typography as the other cleaners do', () => {
    expect(texts('\uFEFFHe said "no"... it\'s\u00A0over\u200B.')).toEqual([['paragraph', 'He said “no”… it’s over.']]);
  });

  it('keeps typographic no-break spaces inside numbers', () => {
    expect(texts('50\u00A0000 soldiers')).toEqual([['paragraph', '50\u00A0000 soldiers']]);
  });

  it('reads bulleted lines as list items and a form feed as a paragraph break', () => {
    expect(texts('Demands:\n- grain\n- credits\n  in roubles\f Next page.')).toEqual([
      ['paragraph', 'Demands:'],
      ['item', 'grain'],
      ['item', 'credits in roubles'],
      ['paragraph', 'Next page.'],
    ]);
  });

  it('states no metadata and no notes', () => {
    expect(cleanPlainText('Text.')).toEqual({ blocks: [{ type: 'paragraph', id: '', content: [{ type: 'text', text: 'Text.' }] }], notes: [] });
  });
});
