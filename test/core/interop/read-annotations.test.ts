import { describe, expect, it } from 'vitest';
import { readAnnotationFile } from '../../../core/interop/annotations/read-annotations.ts';

describe('readAnnotationFile: a file with nothing to import says why', () => {
  it('calls an export of no annotations empty, not a file of the wrong kind', () => {
    for (const text of ['{"annotations": []}', '{"rows": []}', '[]', '{"type": "AnnotationPage", "items": []}']) {
      expect(() => readAnnotationFile(text, 'h.json')).toThrow('“h.json” holds no annotations: the export is empty.');
    }
  });

  it('says that a collection only linking to its pages must be exported with its annotations included', () => {
    const collection = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://ex.org/c', type: 'AnnotationCollection', total: 3, first: 'http://ex.org/c/page1' });
    expect(() => readAnnotationFile(collection, 'c.jsonld')).toThrow('“c.jsonld” is a W3C annotation collection whose pages are not in the file: it only links to them. Export the collection with its annotations included, and import that file.');
  });

  it('still says what it reads for JSON of another kind', () => {
    expect(() => readAnnotationFile('{"foo": 1}', 'x.json')).toThrow('it is neither a Hypothesis export nor W3C Web Annotations (JSON-LD)');
  });
});
