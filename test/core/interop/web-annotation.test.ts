import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../core/annotate/palette.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeJsonLd } from '../../../core/export/json-ld.ts';
import { readAnnotationFile } from '../../../core/interop/annotations/read-annotations.ts';
import { corpusSource, highlight } from '../export/corpus-fixture.ts';

const wikipedia = corpusSource('wikipedia-split');

/** One W3C annotation of `wikipedia-split`'s first words, its target carrying `styleClass`. */
function annotationWithClass(styleClass: unknown): string {
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://example.org/anno/1',
    type: 'Annotation',
    target: { source: 'urn:apparatus:source:wikipedia-split', styleClass, selector: { type: 'TextQuoteSelector', exact: 'Soviet–Albanian split' } },
  });
}

describe('reading W3C Web Annotations', () => {
  it('reads back the colour of every highlight our JSON-LD export wrote', () => {
    const annotations = COLORS.map((color, i) => ({ ...highlight(wikipedia, 20 * i, 20 * i + 12), color }));
    const file = writeJsonLd(buildExport({ sources: [wikipedia], annotations, tags: [], scope: { kind: 'all' }, order: 'reading' }));
    const read = readAnnotationFile(file, 'export.jsonld');
    expect(read.annotations.map((a) => a.color)).toEqual(annotations.map((a) => a.color));
  });

  it('takes a colour of ours from a list of classes, and none from classes it does not know', () => {
    const colorOf = (styleClass: unknown) => readAnnotationFile(annotationWithClass(styleClass), 'a.jsonld').annotations[0]!.color;
    expect(colorOf(['underlined', 'green'])).toBe('green');
    expect(colorOf('crimson')).toBeNull();
    expect(colorOf('Pink')).toBeNull();
    expect(colorOf(7)).toBeNull();
    expect(colorOf(undefined)).toBeNull();
  });
});
