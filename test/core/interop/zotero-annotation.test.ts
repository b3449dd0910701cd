import { describe, expect, it } from 'vitest';
import { zoteroAnnotation } from '../../../core/interop/zotero/zotero-annotation.ts';

// Zotero annotation items' `data` as the local API gives them, without text.
const wordless = (annotationType: string, annotationText?: string) => ({
  key: 'ANSCAN01',
  itemType: 'annotation',
  annotationType,
  ...(annotationText === undefined ? {} : { annotationText }),
  annotationComment: 'the signature',
  annotationColor: '#ffd400',
  annotationPageLabel: '2',
  annotationSortIndex: '00001|000000|00100',
});

describe('a Zotero annotation without words', () => {
  it('is skipped as a highlight or underline without words, not as a note, when it is one', () => {
    expect(zoteroAnnotation(wordless('highlight', ''))).toEqual({
      label: 'Zotero annotation ANSCAN01 (p. 2)',
      reason: 'it is a highlight without words: Zotero kept none for it (as on a scanned page without a text layer), so there is nothing to place it on',
    });
    expect(zoteroAnnotation(wordless('underline'))).toEqual({
      label: 'Zotero annotation ANSCAN01 (p. 2)',
      reason: 'it is an underline without words: Zotero kept none for it (as on a scanned page without a text layer), so there is nothing to place it on',
    });
  });

  it('is skipped as a note on the page when it is a note or a text box', () => {
    for (const type of ['note', 'text']) {
      expect(zoteroAnnotation(wordless(type))).toEqual({ label: 'Zotero annotation ANSCAN01 (p. 2)', reason: 'it is a note on the page, not on highlighted words: Apparatus keeps notes on passages' });
    }
  });
});
