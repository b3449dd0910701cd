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

  it('reads a document saved one paragraph per line, as Word and LibreOffice save plain text, as a paragraph per line', () => {
    const first = 'Në vitin 1912, “qyteti” ishte plot me njerëz, dhe çdo ditë vinin tregtarë nga Ulqini dhe Tivari për të shitur drithë e kripë në pazarin e madh.';
    const second = 'The consul wrote to Vienna that the market had never been so full, and that the Ottoman officials could no longer tell who paid the customs.';
    expect(texts(`Hyrje\r\n${first}\r\nRussian part\r\n${second}\r\nFund.\r\n`)).toEqual([
      ['paragraph', 'Hyrje'],
      ['paragraph', first],
      ['paragraph', 'Russian part'],
      ['paragraph', second],
      ['paragraph', 'Fund.'],
    ]);
  });

  it('still joins a hard-wrapped paragraph whose last line alone is long', () => {
    const wrapped = 'The delegation left Moscow early\nin the spring of 1961, and the Albanian leadership refused to sign any statement that condemned the Chinese.';
    expect(texts(wrapped)).toEqual([['paragraph', wrapped.replace('\n', ' ')]]);
  });

  it('states no metadata and no notes', () => {
    expect(cleanPlainText('Text.')).toEqual({ blocks: [{ type: 'paragraph', id: '', content: [{ type: 'text', text: 'Text.' }] }], notes: [] });
  });
});
