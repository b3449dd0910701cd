import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../../core/clean/pdf-text/block-kinds.ts';
import { findPageTops } from '../../../../core/clean/pdf-text/page-tops.ts';
import { groupBlocks, splitSourceLines } from '../../../../core/clean/pdf-text/source-lines.ts';

function tops(text: string): string[] {
  const blocks = classifyBlocks(groupBlocks(splitSourceLines(text)));
  return [...findPageTops(blocks)].map((line) => line.text);
}

function page(first: string, lines: number): string {
  const rest = Array.from({ length: lines - 1 }, (_, i) => `line ${i} of page ${first}`);
  return [` ${first}`, ...rest].join('\n');
}

describe('findPageTops', () => {
  it('takes a line indented by one space as the top of a page', () => {
    const text = [page('Page A', 30), page('Page B', 30), page('Page C', 30), page('Page D', 10)];
    expect(tops(text.join('\n'))).toEqual(['Page B', 'Page C', 'Page D']);
  });

  it('ignores a marker that would close a page far shorter than the others', () => {
    const text = [
      page('Abstract', 5),
      page('1. Introduction', 25),
      page('Page B', 30),
      page('Page C', 30),
      page('Page D', 30),
    ];
    expect(tops(text.join('\n\n'))).toEqual(['Page B', 'Page C', 'Page D']);
  });

  it('ignores lines indented by more than one space', () => {
    expect(tops('text\n  indented quote\n more')).toEqual(['more']);
  });
});
