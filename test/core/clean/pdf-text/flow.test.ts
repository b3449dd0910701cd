import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../../core/clean/pdf-text/block-kinds.ts';
import type { Draft } from '../../../../core/clean/pdf-text/draft.ts';
import { assembleFlow } from '../../../../core/clean/pdf-text/flow.ts';
import { findPageTops } from '../../../../core/clean/pdf-text/page-tops.ts';
import { groupBlocks, splitSourceLines } from '../../../../core/clean/pdf-text/source-lines.ts';

function flow(text: string, width?: number): Draft[] {
  const blocks = classifyBlocks(groupBlocks(splitSourceLines(text)));
  return assembleFlow(blocks, findPageTops(blocks), width).drafts;
}

/** Each draft as its lines joined by `/`, with `^` where a page starts. */
function show(drafts: Draft[]): string[] {
  return drafts.map((draft) =>
    draft.lines.map((line) => (line.pageStart ? '^' : '') + line.text).join(' / '),
  );
}

describe('assembleFlow', () => {
  it('starts the first page at the first line', () => {
    expect(show(flow('First paragraph.\n\nSecond paragraph.'))).toEqual([
      '^First paragraph.',
      'Second paragraph.',
    ]);
  });

  it('rejoins a paragraph that a footnote group interrupts mid-sentence', () => {
    const drafts = flow('made in the last few years\n\n¹ Note.\n\nowing to the use of materials.');
    expect(show(drafts)).toEqual(['^made in the last few years / ^owing to the use of materials.']);
  });

  it('starts a new paragraph on the new page when the page ended with a full sentence', () => {
    const drafts = flow('said in the meeting.”¹¹\n\n¹¹ Note.\n\nNevertheless, two weeks later');
    expect(show(drafts)).toEqual(['^said in the meeting.”¹¹', '^Nevertheless, two weeks later']);
  });

  it('reads a blank line that cuts a sentence as a page break without notes', () => {
    const drafts = flow('was unable to fulfil his duties\n\nand carry out his tasks.');
    expect(show(drafts)).toEqual(['^was unable to fulfil his duties / ^and carry out his tasks.']);
  });

  it('does not join after a heading, nor before a capitalised paragraph', () => {
    expect(show(flow('Bibliography\n\nUnpublished sources\n\nThe text begins'))).toEqual([
      '^Bibliography',
      'Unpublished sources',
      'The text begins',
    ]);
  });

  it('reads a blank line inside a list printed without blank lines as a page break', () => {
    const drafts = flow('- Alpha, A. Book.\n- Beta, B.\n\n- Gamma.\n\nLiterature\n\n- Delta.');
    expect(show(drafts)).toEqual([
      '^Alpha, A. Book.',
      'Beta, B.',
      '^Gamma.',
      'Literature',
      'Delta.',
    ]);
    expect(drafts.map((draft) => draft.role)).toEqual(['item', 'item', 'item', 'heading', 'item']);
  });

  it('continues a list item with an unbulleted line', () => {
    const drafts = flow('- RGANI, Moscow\n— Fonds 2, 3 and 10');
    expect(show(drafts)).toEqual(['^RGANI, Moscow / — Fonds 2, 3 and 10']);
  });

  it('splits paragraphs at page tops after a short line that ends a sentence', () => {
    const full = 'x'.repeat(100);
    const text = `${full}\nforces with three generals.\n Consequently, on September 4th\n${full}`;
    const drafts = flow(text, 100);
    expect(show(drafts)).toEqual([
      `^${full} / forces with three generals.`,
      `^Consequently, on September 4th / ${full}`,
    ]);
  });

  it('keeps a page-top line inside its paragraph when the line before it is full', () => {
    const full = `${'x'.repeat(90)} The fear`;
    const drafts = flow(`${full}\n from a possible annexation.`, 100);
    expect(show(drafts)).toEqual([`^${full} / ^from a possible annexation.`]);
  });

  it('gives a numbered section heading a draft of its own, even without a blank line', () => {
    const drafts = flow('Méhilli, 2017).\n10. Conclusions\n\nRegardless of its size', 100);
    expect(show(drafts)).toEqual(['^Méhilli, 2017).', '10. Conclusions', 'Regardless of its size']);
    expect(drafts[1]?.role).toBe('heading');
  });
});

describe('assembleFlow at a page foot', () => {
  it('joins a short capitalised fragment to its lower-case continuation on the next page', () => {
    const drafts = flow('In 1961 the\n\n¹ Note.\n\nleaders met.');
    expect(show(drafts)).toEqual(['^In 1961 the / ^leaders met.']);
    expect(drafts[0]?.role).toBe('text');
  });

  it('keeps a numbered heading apart even when the next page starts in lower case', () => {
    const drafts = flow('2. The Relations\n\n¹ Note.\n\nand so on.');
    expect(show(drafts)).toEqual(['^2. The Relations', '^and so on.']);
  });
});
