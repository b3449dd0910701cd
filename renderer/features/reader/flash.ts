import type { EditorView } from 'prosemirror-view';

/** The client rectangles of the text between two positions of the view; empty when they cannot be mapped. */
export function rangeRects(view: EditorView, from: number, to: number): DOMRect[] {
  const range = view.dom.ownerDocument.createRange();
  try {
    const start = view.domAtPos(from);
    const end = view.domAtPos(to);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
  } catch {
    return [];
  }
  return Array.from(range.getClientRects());
}

/** Places `mark` over `rect` (viewport coordinates) in `layer`, which scrolls with the text. */
export function placeInLayer(layer: HTMLElement, mark: HTMLElement, rect: DOMRect): HTMLElement {
  const origin = layer.getBoundingClientRect();
  mark.style.left = `${rect.left - origin.left + layer.scrollLeft}px`;
  mark.style.top = `${rect.top - origin.top + layer.scrollTop}px`;
  mark.style.width = `${rect.width}px`;
  mark.style.height = `${rect.height}px`;
  if (mark.parentElement !== layer) layer.append(mark);
  return mark;
}

/** Flashes the text between two positions, so the eye finds a passage the reader scrolled to. */
export function flashRange(view: EditorView, from: number, to: number): void {
  const layer = view.dom.parentElement;
  if (!layer) return;
  for (const rect of rangeRects(view, from, to)) {
    const mark = layer.ownerDocument.createElement('div');
    mark.className = 'flash';
    placeInLayer(layer, mark, rect);
    mark.addEventListener('animationend', () => mark.remove());
    setTimeout(() => mark.remove(), 2000);
  }
}
