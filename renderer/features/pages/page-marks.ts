import { findPassage } from '../../../core/pdf/passage-on-page.ts';
import { el } from '../../dom.ts';

/** What the text layer of a drawn page holds: one element per text item, and the items' text. */
export interface PageText {
  divs: readonly HTMLElement[];
  strings: readonly string[];
}

/**
 * Marks a passage on a drawn page: finds it in the text layer's text, and draws a box over each
 * line of it in `layer` (positioned like the page). Returns the boxes, none when the passage is
 * not in the text layer (a scanned page, or text the PDF spells otherwise).
 */
export function markPassage(layer: HTMLElement, page: PageText, passage: string, near?: number): HTMLElement[] {
  layer.replaceChildren();
  // Items joined by a line break, so that the words of two items never run together.
  const starts: number[] = [];
  let text = '';
  for (const string of page.strings) {
    if (text !== '') text += '\n';
    starts.push(text.length);
    text += string;
  }
  const found = findPassage(text, passage, near);
  if (!found) return [];
  const range = document.createRange();
  const start = position(page, starts, found.start, 'start');
  const end = position(page, starts, found.end, 'end');
  if (!start || !end) return [];
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const origin = layer.getBoundingClientRect();
  const boxes: HTMLElement[] = [];
  for (const rect of lines(range.getClientRects())) {
    const box = el('div', 'page-mark');
    box.style.left = `${rect.left - origin.left}px`;
    box.style.top = `${rect.top - origin.top}px`;
    box.style.width = `${rect.width}px`;
    box.style.height = `${rect.height}px`;
    boxes.push(box);
  }
  layer.append(...boxes);
  return boxes;
}

/** The text node and offset of a place in the joined text; a place on a separator goes to the item after (start) or before (end) it. */
function position(page: PageText, starts: readonly number[], at: number, side: 'start' | 'end'): { node: Node; offset: number } | null {
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] as number) <= at) index += 1;
  let offset = at - (starts[index] as number);
  const length = (page.strings[index] ?? '').length;
  if (offset > length) {
    if (side === 'start' && index + 1 < starts.length) [index, offset] = [index + 1, 0];
    else offset = length;
  }
  const node = page.divs[index]?.firstChild;
  return node ? { node, offset: Math.min(offset, node.textContent?.length ?? 0) } : null;
}

/** The range's boxes merged line by line: one box per printed line the passage covers (per column). */
function lines(rects: DOMRectList): DOMRect[] {
  const merged: DOMRect[] = [];
  for (const rect of Array.from(rects)) {
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    const sameLine = (box: DOMRect) => Math.abs(box.top - rect.top) < rect.height / 2 && Math.abs(box.bottom - rect.bottom) < rect.height / 2;
    const near = (box: DOMRect) => rect.left <= box.right + 2 * rect.height && rect.right >= box.left - 2 * rect.height;
    const line = merged.find((box) => sameLine(box) && near(box));
    if (!line) {
      merged.push(DOMRect.fromRect(rect));
      continue;
    }
    const left = Math.min(line.left, rect.left);
    const right = Math.max(line.right, rect.right);
    const top = Math.min(line.top, rect.top);
    const bottom = Math.max(line.bottom, rect.bottom);
    merged[merged.indexOf(line)] = new DOMRect(left, top, right - left, bottom - top);
  }
  return merged;
}
