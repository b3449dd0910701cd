import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../../core/corpus/model.ts';
import { writeCslJson } from '../../../core/export/csl-json.ts';
import { citationJson } from '../../../core/export/zotero-fields.ts';
import { readReferences } from '../../../core/interop/references/read-references.ts';
import { sampleExport } from './sample-export.ts';

// A letter as Apparatus keeps it: `letter` is our type (the archival template), not CSL's.
const letter: CslItem = {
  id: 'hoxha-1961',
  type: 'letter',
  title: 'Letter to Nikita Khrushchev',
  author: [{ family: 'Hoxha', given: 'Enver' }],
  recipient: [{ family: 'Khrushchev', given: 'Nikita' }],
  issued: { 'date-parts': [[1961, 3, 15]] },
  archive: 'AQSH',
  archive_location: 'F. 14/AP, D. 3',
};

// The types Zotero's CSL-JSON import accepts (its "CSL JSON" translator refuses a file holding any other).
const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'personal_communication', 'periodical', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']);

describe('a letter in the CSL-JSON that leaves for Zotero and Word, and comes back', () => {
  it('is written with CSL’s type for a letter, personal_communication, its other fields as kept', () => {
    const [written] = JSON.parse(writeCslJson([letter])) as CslItem[];
    expect(written).toEqual({ ...letter, type: 'personal_communication' });
    expect(CSL_TYPES.has(written?.type ?? '')).toBe(true);
  });

  it('is embedded in a Zotero citation field with CSL’s type, so that Zotero keeps it a letter to its recipient', () => {
    const [entry] = sampleExport().entries;
    if (!entry) throw new Error('the sample export has no entry');
    const json = citationJson({ ...entry, item: letter }) as { citationItems: { itemData: Record<string, unknown> }[] };
    expect(json.citationItems[0]?.itemData).toMatchObject({ type: 'personal_communication', recipient: letter.recipient, archive_location: 'F. 14/AP, D. 3' });
  });

  it('reads a personal_communication from Zotero’s CSL-JSON back as a letter', () => {
    // As Zotero exports a letter: CSL's type, and its own id.
    const zotero = JSON.stringify([{ ...letter, id: 'http://zotero.org/users/local/AbCdEfGh/items/LETTER01', type: 'personal_communication' }]);
    const { records } = readReferences(zotero, 'zotero.json');
    expect(records[0]?.item).toMatchObject({ type: 'letter', title: 'Letter to Nikita Khrushchev', recipient: letter.recipient });
  });
});

describe('the Zotero key an item imported from Zotero keeps', () => {
  const imported: CslItem = { ...letter, 'zotero-key': 'LE7TER9K' };

  it('is left out of the CSL-JSON that leaves, which names only the specification’s variables', () => {
    const [written] = JSON.parse(writeCslJson([imported])) as CslItem[];
    expect(written).toEqual({ ...letter, type: 'personal_communication' });
  });

  it('names the item in a Word citation field’s URI, which Zotero looks up in the user’s library; a key of another shape is not used', () => {
    const entry = sampleExport().entries[0]!;
    const uri = (item: CslItem) => (citationJson({ ...entry, item }).citationItems as { uris: string[] }[])[0]!.uris[0];
    expect(uri(imported)).toMatch(/\/items\/LE7TER9K$/);
    expect(uri({ ...letter, 'zotero-key': 'not-a-key' })).toBe(uri(letter));
    expect(uri(letter)).not.toMatch(/\/items\/LE7TER9K$/);
  });
});
