import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../core/cite/render.ts';
import { citeAnnotation } from '../../../core/export/annotation-citation.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import type { StyleName } from '../../../core/cite/style.ts';
import { writeCsv } from '../../../core/export/csv.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { writeHtml } from '../../../core/export/html.ts';
import { writeJsonLd } from '../../../core/export/json-ld.ts';
import { locatorFor } from '../../../core/export/locator.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { writePlainText } from '../../../core/export/plain-text.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { corpusSource, highlight, pageStart } from './corpus-fixture.ts';
import { unzipText } from './unzip.ts';

const edemskiy = corpusSource('edemskiy-2019');
const wikipedia = corpusSource('wikipedia-split');

/** Where the text of note `label` of edemskiy-2019 begins in its reading text. */
function noteStart(label: string): number {
  const note = edemskiy.notes.find((n) => n.label === label)!;
  return locate(edemskiy).reading.blocks.find((block) => block.id === note.blocks[0]!.id)!.start;
}

/** A highlight of `length` characters, `skip` characters into note `label`. */
function inNote(label: string, skip = 0, length = 30) {
  return highlight(edemskiy, noteStart(label) + skip, noteStart(label) + skip + length);
}

// Note 3 is referred to on p. 377, notes 12 and 13 on p. 382, the author's note “*” on p. 375.
const inNote3 = inNote('3');
const inNote3Later = inNote('3', 40);
const inNote12 = inNote('12');
const inBody = highlight(edemskiy, pageStart(edemskiy, '380') + 3, pageStart(edemskiy, '380') + 60);
const DOI = 'https://doi.org/10.2298/BALC1950375E';

function exportOf(style: StyleName, annotations = [inNote3, inNote3Later, inNote12]) {
  return buildExport({ sources: [edemskiy, wikipedia], annotations, tags: [], scope: { kind: 'all' }, order: 'reading', style });
}

describe('a passage in one of the source’s own notes', () => {
  it('is located at its note on the page that carries it: 377n3', () => {
    expect(locatorFor(edemskiy, inNote3)).toEqual({ locator: '377n3', label: 'page' });
    expect(locatorFor(edemskiy, inNote12)).toEqual({ locator: '382n12', label: 'page' });
  });

  it('cites two notes of one page as nn., a symbol-marked note by n alone, and body text by its page', () => {
    const both = highlight(edemskiy, noteStart('12') + 5, noteStart('13') + 20);
    expect(locatorFor(edemskiy, both)).toEqual({ locator: '382nn12–13', label: 'page' });
    expect(locatorFor(edemskiy, inNote('*', 0, 8))).toEqual({ locator: '375n', label: 'page' });
    expect(locatorFor(edemskiy, inBody)).toEqual({ locator: '380', label: 'page' });
  });

  for (const style of ['cmos18', 'cmos17', 'cmos18-ibid', 'cmos17-ibid'] as const) {
    it(`cites the note in every form of ${style}`, () => {
      const notes = exportOf(style).entries.map((entry) => toPlainText(entry.citation));
      expect(notes[0]).toMatch(new RegExp(`\\(2019\\): 377n3, ${DOI.replaceAll('.', '\\.')}\\.$`));
      const consecutive = { cmos18: 'Edemskiy, “Additional Evidence,” 377n3.', cmos17: 'Edemskiy, 377n3.', 'cmos18-ibid': 'Ibid.', 'cmos17-ibid': 'Ibid.' };
      expect(notes[1]).toBe(consecutive[style]);
      const newNote = { cmos18: 'Edemskiy, “Additional Evidence,” 382n12.', cmos17: 'Edemskiy, 382n12.', 'cmos18-ibid': 'Ibid., 382n12.', 'cmos17-ibid': 'Ibid., 382n12.' };
      expect(notes[2]).toBe(newNote[style]);
    });
  }

  it('gives the note in every export format, the CSV locator column and the JSON-LD citation', async () => {
    const doc = exportOf('cmos18', [inNote3]);
    expect(writeMarkdown(doc)).toContain('(2019): 377n3, ');
    expect(writeHtml(doc)).toContain('(2019): 377n3, ');
    expect(writePlainText(doc)).toContain('(2019): 377n3, ');
    expect(unzipText(await writeDocx(doc), 'word/footnotes.xml')).toContain('(2019): 377n3, ');
    const [header, row] = writeCsv(doc).split('\r\n').map((line) => line.split(','));
    expect(row?.[header!.indexOf('locator')]).toBe('377n3');
    const annotation = JSON.parse(writeJsonLd(doc)).first.items[0];
    expect(annotation.body.find((b: { purpose: string }) => b.purpose === 'describing').value).toContain('(2019): 377n3, ');
  });

  it('gives the note in Copy citation', () => {
    expect(citeAnnotation(edemskiy, inNote3).text).toBe(
      `Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): 377n3, ${DOI}.`,
    );
  });
});
