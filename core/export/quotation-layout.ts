/**
 * How the writers lay out a quotation's rich text: split into its paragraphs, and, where the
 * quotation is printed inside quotation marks, with the quotations inside it in single marks.
 */
import { concat } from '../cite/rich.ts';
import type { Rich } from '../cite/rich.ts';

/** The paragraphs of a quotation (its blocks, separated by blank lines), without edge spaces. */
export function quotationParagraphs(rich: Rich): Rich[] {
  const paragraphs: Rich[] = [[]];
  for (const run of rich) {
    run.text.split(/\n\s*\n/).forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      (paragraphs.at(-1) as Rich).push({ ...run, text: part });
    });
  }
  return paragraphs.map(trimEdges).filter((paragraph) => paragraph.length > 0);
}

/**
 * A quotation set inside double quotation marks, its own double marks turned into single ones
 * (“Mikoyan added that ‘Hoxha speaks worse than Macmillan.’”). Single marks inside are left as
 * they are: a closing one cannot be told from an apostrophe.
 */
export function nestedQuotes(rich: Rich): Rich {
  return rich.map((run) => (run.url ? run : { ...run, text: run.text.replaceAll('“', '‘').replaceAll('”', '’') }));
}

function trimEdges(paragraph: Rich): Rich {
  const runs = concat(paragraph);
  while (runs[0] && runs[0].text.trimStart() === '') runs.shift();
  while (runs.at(-1) && runs.at(-1)?.text.trimEnd() === '') runs.pop();
  const first = runs[0];
  if (first) runs[0] = { ...first, text: first.text.trimStart() };
  const last = runs.at(-1);
  if (last) runs[runs.length - 1] = { ...last, text: last.text.trimEnd() };
  return runs;
}
