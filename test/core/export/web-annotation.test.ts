import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../core/annotate/palette.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { ANNO_CONTEXT, writeJsonLd } from '../../../core/export/json-ld.ts';
import { corpusSource, highlight, offsetOf, textOf } from './corpus-fixture.ts';

// The MUST rules of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/),
// section by section, as the W3C test schemas check them.
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

/** A source whose text has characters outside the Basic Multilingual Plane before the passage. */
const astralFile = ['---', 'id: astral-notes', 'type: manuscript', 'title: Notes with a Fraktur 𝔄', 'reliability: primary', '---', '', 'The 𝔄 and the 📜 scroll stand before the words Soviet aid ended here.', ''].join('\n');
const astral = parseSource(astralFile);
const wikipedia = corpusSource('wikipedia-split');
const edemskiy = corpusSource('edemskiy-2019');
const passage = highlight(astral, offsetOf(astral, 'Soviet aid'), offsetOf(astral, 'Soviet aid') + 'Soviet aid ended'.length);
const annotations = [passage, highlight(wikipedia, 10, 40), highlight(edemskiy, 3000, 3040)];
const request = { sources: [astral, wikipedia, edemskiy], tags: [], scope: { kind: 'all' as const }, order: 'reading' as const };
const doc = buildExport({ ...request, annotations });
const json = JSON.parse(writeJsonLd(doc));

interface Item {
  id: string;
  type: string;
  body: { type: string; value: unknown; purpose: string }[];
  target: { type: string; source: string; scope?: string; selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }[] };
}
const items: Item[] = json.first.items;

describe('the JSON-LD export against the W3C Web Annotation rules', () => {
  it('5.1: the AnnotationCollection has the anno.jsonld @context, exactly one id IRI and its type', () => {
    expect(json['@context']).toBe(ANNO_CONTEXT);
    expect(json.id).toMatch(IRI);
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(items.length);
  });

  it('5.2: the AnnotationPage has exactly one id IRI, its type and its items', () => {
    expect(json.first.id).toMatch(IRI);
    expect(json.first.id).not.toBe(json.id);
    expect(json.first.type).toBe('AnnotationPage');
    expect(items.length).toBeGreaterThan(0);
  });

  it('gives the same export the same ids, so writing it twice gives the same file', () => {
    expect(writeJsonLd(buildExport({ ...request, annotations: [...annotations].reverse() }))).toBe(writeJsonLd(doc));
  });

  it('3.1: every Annotation has one id IRI, the type Annotation and a target', () => {
    for (const item of items) {
      expect(item.id).toMatch(IRI);
      expect(item.type).toBe('Annotation');
      expect(item.target).toBeDefined();
      expect(item.target.source).toMatch(IRI);
    }
  });

  it('4.2.4: TextPositionSelector counts Unicode code points, not UTF-16 units', () => {
    const selector = items[0]!.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    const text = textOf(astral);
    expect(passage.position.start).toBe(text.indexOf('Soviet aid'));
    expect(selector.start).toBe(passage.position.start - 2);
    expect([...text].slice(selector.start, selector.end).join('')).toBe('Soviet aid ended');
    const quote = items[0]!.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    expect(quote.exact).toBe('Soviet aid ended');
  });

  it('4: targets the source by its DOI or URL, in the scope of the Apparatus text the offsets count in', () => {
    const bySource = (id: string) => items.find((item) => item.target.scope === `urn:apparatus:source:${id}` || item.target.source === `urn:apparatus:source:${id}`)!;
    expect(bySource('edemskiy-2019').target).toMatchObject({ type: 'SpecificResource', source: 'https://doi.org/10.2298/BALC1950375E', scope: 'urn:apparatus:source:edemskiy-2019' });
    expect(bySource('wikipedia-split').target).toMatchObject({ source: 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split', scope: 'urn:apparatus:source:wikipedia-split' });
    expect(bySource('astral-notes').target.source).toBe('urn:apparatus:source:astral-notes');
    expect(bySource('astral-notes').target.scope).toBeUndefined();
  });

  it('4.2: the quote and position selectors of a target select the same words, also where the wording changed', () => {
    const edited = parseSource(astralFile.replace('Soviet aid ended', 'Soviet help ended'));
    const now = textOf(edited);
    const start = now.indexOf('Soviet help');
    const moved = { ...passage, anchor: 'moved' as const, position: { start, end: start + 'Soviet help ended'.length } };
    const changed = JSON.parse(writeJsonLd(buildExport({ ...request, sources: [edited, wikipedia, edemskiy], annotations: [moved, ...annotations.slice(1)] })));
    const texts = new Map([edited, wikipedia, edemskiy].map((source) => [`urn:apparatus:source:${source.id}`, [...textOf(source)]]));
    for (const item of changed.first.items as Item[]) {
      const points = texts.get(item.target.scope ?? item.target.source)!;
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(points.slice(position.start! - [...quote.prefix!].length, position.start).join('')).toBe(quote.prefix);
      expect(points.slice(position.end, position.end! + [...quote.suffix!].length).join('')).toBe(quote.suffix);
    }
    const item = (changed.first.items as Item[]).find((i) => i.id === `urn:uuid:${passage.id}`)!;
    expect(item.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'Soviet help ended' });
    expect(item.body.map((b) => b.value)).toContain('The source’s wording has changed since this passage was highlighted; it then read: “Soviet aid ended”.');
  });

  it('4.4: states each highlight’s colour as a styleClass of its target that the annotation’s CssStylesheet defines', () => {
    const colored = JSON.parse(writeJsonLd(buildExport({ ...request, annotations: COLORS.map((color, i) => ({ ...highlight(wikipedia, 10 * i, 10 * i + 8), color })) })));
    const styled: (Item & { stylesheet: { type: string; value: string }; target: { styleClass: string } })[] = colored.first.items;
    expect(styled.map((item) => item.target.styleClass).sort()).toEqual([...COLORS].sort());
    for (const item of [...styled, ...items] as typeof styled) {
      expect(item.stylesheet.type).toBe('CssStylesheet');
      expect(item.stylesheet.value).toMatch(new RegExp(`^\\.${item.target.styleClass} \\{ background-color: rgb\\(\\d+ \\d+ \\d+\\); \\}$`));
    }
  });

  it('3.3.1: created and modified are xsd:dateTime with a timezone', () => {
    for (const item of items as (Item & { created: string; modified: string })[]) {
      expect(item.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(item.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
    expect((items[0] as Item & { created: string }).created).toBe(passage.created);
  });

  it('3.2.5: every body is a TextualBody with a value and a motivation the model defines', () => {
    for (const body of items.flatMap((item) => item.body)) {
      expect(body.type).toBe('TextualBody');
      expect(typeof body.value).toBe('string');
      expect(['commenting', 'tagging', 'describing']).toContain(body.purpose);
    }
  });
});
