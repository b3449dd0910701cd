import type { Block, Inline, TextRun } from './model.ts';

/** The plain text of a block: its runs' text in order; other inlines add nothing. */
export function blockText(block: Block): string {
  let text = '';
  for (const inline of block.content) if (inline.type === 'text') text += inline.text;
  return text;
}

/** True when two runs carry the same emphasis, strength and link target. */
export function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.em === b.em && a.strong === b.strong && a.href === b.href;
}

/**
 * The canonical form of a block's content: empty runs dropped, adjacent runs with the same marks
 * merged, every string NFC-normalised, and each inline rebuilt with only the fields it carries
 * (so that canonical content compares equal with `toStrictEqual`).
 */
export function normalizeInlines(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of content) {
    if (inline.type !== 'text') {
      out.push(normalizeAtom(inline));
      continue;
    }
    if (inline.text === '') continue;
    const last = out.at(-1);
    if (last?.type === 'text' && sameMarks(last, canonicalMarks(inline))) {
      last.text += inline.text;
    } else {
      out.push({ ...canonicalMarks(inline), text: inline.text });
    }
  }
  for (const inline of out) if (inline.type === 'text') inline.text = inline.text.normalize('NFC');
  return out;
}

function canonicalMarks(run: TextRun): TextRun {
  const marks: TextRun = { type: 'text', text: '' };
  if (run.em === true) marks.em = true;
  if (run.strong === true) marks.strong = true;
  if (run.href !== undefined) marks.href = run.href.normalize('NFC');
  return marks;
}

function normalizeAtom(inline: Exclude<Inline, TextRun>): Inline {
  switch (inline.type) {
    case 'noteRef':
      return { type: 'noteRef', label: inline.label.normalize('NFC') };
    case 'page':
      return { type: 'page', label: inline.label.normalize('NFC') };
    case 'marker':
      return { type: 'marker', label: inline.label.normalize('NFC') };
    case 'gap':
      // An empty description says nothing more than `{{gap}}`, so it is dropped.
      return inline.reason === undefined || inline.reason === ''
        ? { type: 'gap' }
        : { type: 'gap', reason: inline.reason.normalize('NFC') };
  }
}
