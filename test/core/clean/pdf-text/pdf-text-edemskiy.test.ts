import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../../core/corpus/model.ts';
import { allBlocks, bodyMarkup, cleanFromRecipe, markup, textOf } from './support.ts';

const body = cleanFromRecipe('edemskiy-2019');
const bodyText = body.blocks.map(textOf).join('\n\n');
const everything = allBlocks(body).map(textOf).join('\n\n');
const refs = body.blocks.flatMap((block) =>
  block.content.flatMap((inline) => (inline.type === 'noteRef' ? [inline.label] : [])),
);
const numbered = Array.from({ length: 45 }, (_, i) => String(i + 1));

describe('cleanPdfText on Edemskiy (2019)', () => {
  it('drops the offprint cover with its contents line and fleuron', () => {
    const cover = ['SERBIAN ACADEMY', 'BALCANICA', 'ISSN', 'UDC', 'balkaninstitut', 'KALIĆ', '❧'];
    for (const text of [...cover, '•']) expect(everything).not.toContain(text);
  });

  it('opens with the byline, the italic affiliation and the title', () => {
    const [byline, affiliation, title] = body.blocks;
    expect(byline).toMatchObject({ type: 'paragraph' });
    expect(markup(byline!.content)).toBe('{{page:375}}Andrey Edemskiy[^*]');
    expect(affiliation!.content).toEqual([
      { type: 'text', text: 'Institute for Slavic Studies, Russian Academy of Sciences', em: true },
    ]);
    expect(title).toMatchObject({ type: 'heading', level: 1 });
    expect(textOf(title!)).toBe(
      'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
    );
  });

  it('moves all 45 numbered footnotes and the author note into notes, in reference order', () => {
    expect(body.notes.map((note) => note.label)).toEqual(['*', ...numbered]);
    expect(body.notes[0]!.blocks.map(textOf)).toEqual(['and-edem@yandex.ru']);
    expect(textOf(body.notes[45]!.blocks[0]!)).toBe('RGANI, F 3, inv. 18, f. 10, p. 5.');
  });

  it('references every note exactly once from the body', () => {
    expect([...refs].sort()).toEqual(['*', ...numbered].sort());
  });

  it('leaves no footnote text and no superscript digit in the body', () => {
    expect(bodyText).not.toContain('RGANI, F 3, inv. 12, f. 420');
    expect(bodyText).not.toContain('and-edem@yandex.ru');
    expect(everything).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u);
  });

  it('puts each note reference after the punctuation it followed', () => {
    const markupText = bodyMarkup(body);
    expect(markupText).toContain('since its inception.[^1] A serious advance');
    expect(markupText).toContain('a member of the socialist camp”.[^8]');
    expect(markupText).toContain('(still inaccessible to researchers)[^22] was devoted');
  });

  it('rejoins paragraphs and words split by page foot notes', () => {
    expect(bodyText).toContain('in the last few years owing to the use of rich documentary');
    expect(bodyText).toContain('it is obvious that the liberties taken');
    expect(bodyText).toContain('trade and credit agreements. Among other things');
    expect(bodyText).not.toMatch(/obvi-|agree-/u);
  });

  it('keeps a paragraph break where a page ends with a full sentence', () => {
    expect(body.blocks.map(textOf)).toContainEqual(
      expect.stringMatching(/^Nevertheless, two weeks later the Soviet leadership returned/u),
    );
  });

  it('pairs quotation marks across page breaks and prints no straight quotes', () => {
    expect(bodyText).toContain(
      '“What do you want in exchange for an improvement of your relations with us?”; Hoxha',
    );
    expect(everything).not.toMatch(/["']/u);
    for (const block of allBlocks(body)) {
      const text = textOf(block);
      expect(text.split('“').length).toBe(text.split('”').length);
    }
  });

  it('renders *…* as emphasis and angle-bracketed URLs as links', () => {
    const runs = allBlocks(body).flatMap((block) => block.content);
    const emphasised = runs.filter((inline) => inline.type === 'text' && inline.em).map(textOfRun);
    expect(emphasised).toEqual(
      expect.arrayContaining(['détente', 'mesiachnik', 'de facto', 'Pravda', 'fond']),
    );
    const links = runs.filter((inline) => inline.type === 'text' && inline.href !== undefined);
    expect(links).toContainEqual({
      type: 'text',
      text: 'http://digitalarchive.wilsoncenter.org/document/117494',
      href: 'http://digitalarchive.wilsoncenter.org/document/117494',
    });
    expect(everything).not.toMatch(/[*<>]/u);
  });

  it('lists the bibliography as items under its heading and three subheadings', () => {
    const start = body.blocks.findIndex((block) => textOf(block) === 'Bibliography');
    const tail = body.blocks.slice(start);
    const shape = tail.map((block) => (block.type === 'heading' ? `h${block.level}` : block.type));
    expect(shape).toEqual([
      'h2',
      'h3',
      'item',
      'h3',
      ...Array<string>(3).fill('item'),
      'h3',
      ...Array<string>(10).fill('item'),
    ]);
    expect(tail.filter((block) => block.type === 'heading').map(textOf)).toEqual([
      'Bibliography',
      'Unpublished sources',
      'Published sources',
      'Literature',
    ]);
    expect(textOf(tail[2]!)).toMatch(/Contemporary History\], Moscow — Fonds 2, 3 and 10$/u);
    expect(textOf(tail.at(-1)!)).toBe(
      'Živorić, A. Jugoslavija, Albanija i velike sile (1945–1961). Belgrade: Arhipelag, 2011.',
    );
  });

  it('applies the recipe’s emendations and keeps authorial slips as printed', () => {
    expect(everything).not.toMatch(/ской|Mēhilli/u);
    expect(everything).toContain('KPSS i formirovanie sovetskoi politiki na Balkanakh');
    expect(everything).toContain('the 22th CPSU congress');
    expect(everything).toContain('Svoloopoulos');
  });

  it('leaves no hard line wrap inside any block', () => {
    expect(everything.split('\n\n').every((text) => !text.includes('\n'))).toBe(true);
  });
});

function textOfRun(inline: Inline): string {
  return inline.type === 'text' ? inline.text : '';
}
