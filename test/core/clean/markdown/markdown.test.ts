import { describe, expect, it } from 'vitest';
import { cleanMarkdown } from '../../../../core/clean/markdown/markdown.ts';
import { normalizeSource } from '../../../../core/corpus/normalize-source.ts';
import { parseSource } from '../../../../core/corpus/parse-source.ts';
import { serializeSource } from '../../../../core/corpus/serialize-source.ts';
import type { Block, Source } from '../../../../core/corpus/model.ts';

function asSource(raw: string): Source {
  const body = cleanMarkdown(raw);
  return normalizeSource({
    id: 't',
    meta: { csl: { id: 't', type: 'document', title: 'T' }, reliability: 'secondary', cleaning: [] },
    blocks: body.blocks,
    notes: body.notes,
  });
}
const plain = (block: Block | undefined) => block?.content.map((run) => (run.type === 'text' ? run.text : '')).join('');

describe('cleanMarkdown', () => {
  it('turns headings, paragraphs, quotes and list items into blocks', () => {
    const source = asSource('## Part one\n\nText\nwrapped.\n\n> Quoted\n>\n> > nested\n\n- a\n- b\n');
    expect(source.blocks.map((block) => [block.type, block.level, plain(block)])).toEqual([
      ['heading', 2, 'Part one'],
      ['paragraph', undefined, 'Text wrapped.'],
      ['quote', undefined, 'Quoted'],
      ['quote', undefined, 'nested'],
      ['item', undefined, 'a'],
      ['item', undefined, 'b'],
    ]);
  });

  it('keeps the numbers of an ordered list as text', () => {
    expect(asSource('3. three\n4. four\n').blocks.map(plain)).toEqual(['3. three', '4. four']);
  });

  it('marks emphasis, strong and safe links, and keeps unsafe links as text', () => {
    const [block] = asSource('*a* **b** [c](https://x.org) [d](mailto:x@y.org) [e](javascript:alert(1)) [f](/rel)').blocks;
    expect(block?.content).toEqual([
      { type: 'text', text: 'a', em: true },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'b', strong: true },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'c', href: 'https://x.org' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'd', href: 'mailto:x@y.org' },
      { type: 'text', text: ' e f' },
    ]);
  });

  it('turns footnotes into note references and notes', () => {
    const source = asSource('Claim.[^src] Another.[^2]\n\n[^src]: First *note*.\n\n    Its second paragraph.\n[^2]: Second.\n');
    expect(source.blocks[0]?.content).toContainEqual({ type: 'noteRef', label: 'src' });
    expect(source.notes.map((note) => [note.label, note.blocks.map(plain)])).toEqual([
      ['src', ['First note.', 'Its second paragraph.']],
      ['2', ['Second.']],
    ]);
  });

  it('degrades code, images and tables to text instead of dropping them', () => {
    const source = asSource('```\nlet x = 1;\n```\n\n![Map of Vlorë](map.png) and ![](x.png)\n\n| a | b |\n|---|---|\n| c | d |\n');
    expect(source.blocks.map(plain)).toEqual(['let x = 1;', 'Map of Vlorë and [image]', 'a | b', 'c | d']);
  });

  it('keeps raw HTML as text, never as markup', () => {
    expect(asSource('<script>alert(1)</script>').blocks.map(plain)).toEqual(['<script>alert(1)</script>']);
  });

  it('reads YAML front matter as found metadata', () => {
    const body = cleanMarkdown('---\ntitle: On Albania\nsubtitle: A study\nauthor:\n  - Lalaj, Ana\n  - Institute of History\ndate: 2012-11\nurl: https://example.org\n---\nText.\n');
    expect(body.found).toEqual({
      title: 'On Albania: A study',
      author: [{ family: 'Lalaj', given: 'Ana' }, { literal: 'Institute of History' }],
      issued: { 'date-parts': [[2012, 11]] },
      URL: 'https://example.org',
    });
    expect(body.blocks.map(plain)).toEqual(['Text.']);
  });

  it('takes an opening first-level heading as the title when the front matter gives none', () => {
    expect(cleanMarkdown('# The Split\n\nText.').found).toEqual({ title: 'The Split' });
    expect(cleanMarkdown('Text.').found).toBeUndefined();
  });

  it('curls quotes and apostrophes', () => {
    expect(asSource('He said "no" and it\'s over...').blocks.map(plain)).toEqual(['He said “no” and it’s over…']);
  });

  it('produces a source the corpus format writes and reads back unchanged', () => {
    const source = asSource('# T\n\n1. one\n\n- * star\n\nA [^1] {{page:2}} \\# x\n\n[^1]: N.\n');
    expect(parseSource(serializeSource(source))).toEqual(source);
  });
});
