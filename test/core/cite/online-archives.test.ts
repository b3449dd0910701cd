import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { bibliographyOf, notesOf, run } from './golden.ts';

// A document of the Wilson Center Digital Archive, as Edemskiy cites it in his note 13.
const report: CslItem = {
  id: 'wilson-117494',
  type: 'document',
  title: 'Report of the meeting of the Albanian Labor Party delegation with leaders of the Communist Party of the Soviet Union',
  issued: { 'date-parts': [[1960, 11, 12]] },
  archive: 'History and Public Policy Program Digital Archive',
  'archive-place': 'Wilson Center',
  URL: 'https://digitalarchive.wilsoncenter.org/document/117494',
  accessed: { 'date-parts': [[2019, 12, 30]] },
};
const TITLE = 'Report of the Meeting of the Albanian Labor Party Delegation with Leaders of the Communist Party of the Soviet Union';

describe('a document in an online archive', () => {
  it('is cited from the document to the archive, with its URL and no access date beside its date', () => {
    expect(notesOf(citeDocument([report], run(['wilson-117494'])))[0]).toBe(
      `“${TITLE},” November 12, 1960, History and Public Policy Program Digital Archive, Wilson Center, https://digitalarchive.wilsoncenter.org/document/117494.`,
    );
  });

  it('is listed in the bibliography itself, with its title, date and URL, not just the archive', () => {
    const doc = citeDocument([report], run(['wilson-117494']));
    expect(bibliographyOf(doc)).toEqual([
      `“${TITLE}.” November 12, 1960. History and Public Policy Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/117494.`,
    ]);
  });

  it('lists two documents of one online archive apart, each with its link, and an undated one with its access date', () => {
    const other: CslItem = { ...report, id: 'wilson-1', title: 'Another record', issued: undefined, URL: 'https://digitalarchive.wilsoncenter.org/document/1' };
    const doc = citeDocument([report, other], run(['wilson-117494'], ['wilson-1']));
    expect(bibliographyOf(doc)).toEqual([
      '“Another Record.” History and Public Policy Program Digital Archive, Wilson Center. Accessed December 30, 2019. https://digitalarchive.wilsoncenter.org/document/1.',
      `“${TITLE}.” November 12, 1960. History and Public Policy Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/117494.`,
    ]);
  });
});
