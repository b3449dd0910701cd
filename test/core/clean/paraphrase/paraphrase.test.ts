import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../core/corpus/model.ts';
import { cleanParaphrase } from '../../../../core/clean/paraphrase/paraphrase.ts';

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

function cleanText(raw: string): string {
  return cleanParaphrase(raw).blocks.map(blockText).join('\n\n');
}

describe('cleanParaphrase', () => {
  it('makes one paragraph per line and returns no notes', () => {
    const body = cleanParaphrase('First paragraph.\n\nSecond paragraph.\n');
    expect(body.blocks).toEqual([
      { type: 'paragraph', id: '', content: [{ type: 'text', text: 'First paragraph.' }] },
      { type: 'paragraph', id: '', content: [{ type: 'text', text: 'Second paragraph.' }] },
    ]);
    expect(body.notes).toEqual([]);
  });

  it('keeps a reference marker as data where it stood, bound to the sentence before', () => {
    expect(cleanParaphrase('the newspaper. [63] After the uprising.').blocks[0]?.content).toEqual([
      { type: 'text', text: 'the newspaper.' },
      { type: 'marker', label: '63' },
      { type: 'text', text: ' After the uprising.' },
    ]);
  });

  it('moves a marker that opens a paragraph to the end of the previous one', () => {
    const body = cleanParaphrase('at the conference itself.\n[54] The Soviet-Albanian division');
    expect(body.blocks.map((block) => block.content)).toEqual([
      [
        { type: 'text', text: 'at the conference itself.' },
        { type: 'marker', label: '54' },
      ],
      [{ type: 'text', text: 'The Soviet-Albanian division' }],
    ]);
  });

  it('keeps a marker that opens the first paragraph where it is', () => {
    expect(cleanParaphrase('[1] Text.').blocks[0]?.content).toEqual([
      { type: 'marker', label: '1' },
      { type: 'text', text: 'Text.' },
    ]);
  });

  it('leaves a paragraph that held only a marker out once the marker has moved', () => {
    expect(cleanParaphrase('Text.\n[7]\nMore.').blocks.map(blockText)).toEqual(['Text.', 'More.']);
  });

  it('keeps bracketed words that are not reference markers', () => {
    expect(cleanText('because “[we] suspected”')).toBe('because “[we] suspected”');
  });

  it('writes backticks used as apostrophes as ’', () => {
    expect(cleanText('a “coup d`etat” in the People`s Republic')).toBe(
      'a “coup d’etat” in the People’s Republic',
    );
  });

  it('removes the space before punctuation', () => {
    expect(cleanText('to Albania , as was the case .')).toBe('to Albania, as was the case.');
  });

  it('keeps curly quotes, ellipses and wording as printed', () => {
    const clean =
      'as Griffith put it, “could hardly have highlighted his pro-Soviet sympathies” … ' +
      'Which took place in 1955-1961.';
    expect(cleanText(clean)).toBe(clean);
  });

  it('pairs straight quotes if a page has them', () => {
    const raw = 'his "secret speech" and the \'thaw\'';
    expect(cleanText(raw)).toBe('his “secret speech” and the ‘thaw’');
  });
});
