import { describe, expect, it } from 'vitest';
import { STYLE_OPTIONS } from '../../../core/cite/style.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { citeWork } from '../../../core/export/work-citation.ts';

const ARTICLE: CslItem = {
  id: 'lalaj2012',
  type: 'article-journal',
  title: 'Albania and Moscow',
  author: [{ family: 'Lalaj', given: 'Ana' }],
  'container-title': 'Cold War History',
  volume: '12',
  issue: '3',
  page: '11-30',
  issued: { 'date-parts': [[2012]] },
};

describe('citing a whole work', () => {
  it('gives the full note, the shortened note and the bibliography entry, in text and HTML', () => {
    expect(citeWork(ARTICLE, 'note')).toEqual({
      text: 'Ana Lalaj, “Albania and Moscow,” Cold War History 12, no. 3 (2012): 11–30.',
      html: 'Ana Lalaj, “Albania and Moscow,” <i>Cold War History</i> 12, no. 3 (2012): 11–30.',
    });
    expect(citeWork(ARTICLE, 'short').text).toBe('Lalaj, “Albania and Moscow.”');
    expect(citeWork(ARTICLE, 'bibliography').text).toBe('Lalaj, Ana. “Albania and Moscow.” Cold War History 12, no. 3 (2012): 11–30.');
  });

  it('never gives “Ibid.” for the shortened note, even in a style that uses it', () => {
    expect(citeWork(ARTICLE, 'short', STYLE_OPTIONS['cmos17-ibid']).text).toBe('Lalaj, “Albania and Moscow.”');
  });
});
