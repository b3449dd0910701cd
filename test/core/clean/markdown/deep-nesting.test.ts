import { describe, expect, it } from 'vitest';
import { cleanMarkdown, FrontMatterError } from '../../../../core/clean/markdown/markdown.ts';
import { readingTextOf } from '../../../../core/corpus/reading-text.ts';

const textOf = (raw: string) => {
  const body = cleanMarkdown(raw);
  return { body, text: readingTextOf(body.blocks, body.notes).text };
};

describe('Markdown nested deeper than the parser reads it', () => {
  it('keeps ordered items below the depth as items with their numbers, in order', () => {
    // Each list nested in the item before, each starting at 1 (as a list must to break a paragraph).
    const raw = Array.from({ length: 80 }, (_, i) => `${'   '.repeat(i)}1. Point ${i + 1}`).join('\n');
    const { body } = textOf(raw);
    expect(body.blocks.map((block) => block.type)).toEqual(Array(80).fill('item'));
    expect(body.blocks.at(-1)?.content).toEqual([{ type: 'text', text: '1. Point 80' }]);
    expect(body.blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join(''))).toEqual(
      Array.from({ length: 80 }, (_, i) => `1. Point ${i + 1}`),
    );
    expect(body.caveats).toHaveLength(1);
  });

  it('keeps a list inside a deep quotation, and a paragraph continued over several lines as one', () => {
    const deep = '>'.repeat(70);
    const raw = `${deep} First line of the quotation\n${deep} and its second line.\n${deep}\n${deep} - an item inside\n`;
    const { body } = textOf(raw);
    expect(body.blocks.map((block) => [block.type, block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('')])).toEqual([
      ['quote', 'First line of the quotation and its second line.'],
      ['item', 'an item inside'],
    ]);
  });

  it('leaves an ordinary file as it was, without a caveat', () => {
    const { body } = textOf('# Title\n\n> A quotation\n> > nested once\n\n- a\n  - b\n');
    expect(body.caveats).toBeUndefined();
    expect(body.blocks.map((block) => block.type)).toEqual(['heading', 'quote', 'quote', 'item', 'item']);
  });
});

describe('Markdown front matter', () => {
  it('is refused, naming the line of the file, when it is not valid YAML', () => {
    const raw = '---\ntitle: Notes\ndate: [1961\n---\n\nBody.\n';
    expect(() => cleanMarkdown(raw)).toThrow(FrontMatterError);
    expect(() => cleanMarkdown(raw)).toThrow(/is not valid YAML on line [34]: /);
  });

  it('is kept in the body when it is valid YAML but no mapping (a paragraph between two rules)', () => {
    expect(textOf('---\nJust a paragraph\n---\n\nBody.\n').text).toContain('Just a paragraph');
  });
});
