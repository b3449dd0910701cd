import type { EditorView } from 'prosemirror-view';
import { placeInLayer } from './flash.ts';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph';

/** What a caret key does: which way, how far; `edge` jumps to the start or end of the text. */
interface Move {
  direction: 'backward' | 'forward';
  granularity: Granularity | 'edge';
}

function moveFor(event: KeyboardEvent): Move | null {
  if (event.altKey || event.metaKey) return null;
  const ctrl = event.ctrlKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: ctrl ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: ctrl ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: ctrl ? 'paragraph' : 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: ctrl ? 'paragraph' : 'line' };
    case 'Home':
      return { direction: 'backward', granularity: ctrl ? 'edge' : 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: ctrl ? 'edge' : 'lineboundary' };
    default:
      return null;
  }
}

/**
 * A caret in the read-only reader, as caret browsing gives one: the arrow keys (Ctrl for words
 * and paragraphs, Home and End for lines) move it, with Shift they select, so the keyboard alone
 * can select a passage to highlight. The text stays read-only; the caret is drawn by the app
 * (a read-only page shows none) and the view follows it.
 */
export class ReaderCaret {
  readonly #view: EditorView;
  readonly #scroller: HTMLElement;
  readonly #mark: HTMLElement;
  readonly #cleanup: (() => void)[] = [];

  constructor(view: EditorView, scroller: HTMLElement) {
    this.#view = view;
    this.#scroller = scroller;
    this.#mark = view.dom.ownerDocument.createElement('div');
    this.#mark.className = 'reader-caret';
    this.#mark.setAttribute('aria-hidden', 'true');
    this.#mark.hidden = true;
    const redraw = () => this.#draw();
    const doc = view.dom.ownerDocument;
    doc.addEventListener('selectionchange', redraw);
    view.dom.addEventListener('focus', redraw);
    view.dom.addEventListener('blur', redraw);
    window.addEventListener('resize', redraw);
    this.#cleanup.push(() => {
      doc.removeEventListener('selectionchange', redraw);
      view.dom.removeEventListener('focus', redraw);
      view.dom.removeEventListener('blur', redraw);
      window.removeEventListener('resize', redraw);
      this.#mark.remove();
    });
  }

  /** Moves the caret or extends the selection for a caret key; true when the key was one. */
  keyDown(event: KeyboardEvent): boolean {
    const move = moveFor(event);
    if (!move || event.target !== this.#view.dom) return false;
    const selection = this.#view.dom.ownerDocument.getSelection();
    if (!selection) return false;
    event.preventDefault();
    if (!this.#inside(selection)) {
      // The caret starts at the top of what is on screen, where the reader's eye is.
      if (!this.#placeAtTop(selection)) return true;
      if (!event.shiftKey) return true;
    }
    const before = { anchor: selection.anchorNode!, anchorOffset: selection.anchorOffset, focus: selection.focusNode!, focusOffset: selection.focusOffset };
    const alter = event.shiftKey ? 'extend' : 'move';
    if (move.granularity === 'edge') this.#toEdge(selection, move.direction, event.shiftKey);
    else selection.modify(alter, move.direction, move.granularity);
    // The caret never leaves the text of the source.
    if (!this.#inside(selection)) selection.setBaseAndExtent(before.anchor, before.anchorOffset, before.focus, before.focusOffset);
    this.#follow(selection);
    return true;
  }

  /** Removes the caret and its listeners. */
  destroy(): void {
    for (const dispose of this.#cleanup) dispose();
  }

  #inside(selection: Selection): boolean {
    const { anchorNode, focusNode } = selection;
    return selection.rangeCount > 0 && !!anchorNode && !!focusNode && this.#view.dom.contains(anchorNode) && this.#view.dom.contains(focusNode);
  }

  #placeAtTop(selection: Selection): boolean {
    const box = this.#scroller.getBoundingClientRect();
    const text = this.#view.dom.getBoundingClientRect();
    const left = Math.max(text.left, box.left) + 2;
    // The first line on screen: its first character, in the text itself (not between elements).
    for (let top = Math.max(text.top, box.top) + 4; top < Math.min(text.bottom, box.bottom); top += 8) {
      const found = this.#view.dom.ownerDocument.caretPositionFromPoint(left, top);
      if (found && found.offsetNode.nodeType === Node.TEXT_NODE && this.#view.dom.contains(found.offsetNode)) {
        selection.collapse(found.offsetNode, found.offset);
        return true;
      }
    }
    return false;
  }

  #toEdge(selection: Selection, direction: 'backward' | 'forward', extend: boolean): void {
    const root = this.#view.dom;
    const offset = direction === 'backward' ? 0 : root.childNodes.length;
    if (extend) selection.extend(root, offset);
    else selection.collapse(root, offset);
  }

  // Scrolls so the moving end of the selection stays on screen.
  #follow(selection: Selection): void {
    const rect = this.#focusRect(selection);
    if (rect) {
      const box = this.#scroller.getBoundingClientRect();
      const margin = Math.min(48, box.height / 4);
      if (rect.top < box.top + margin) this.#scroller.scrollTop -= box.top + margin - rect.top;
      else if (rect.bottom > box.bottom - margin) this.#scroller.scrollTop += rect.bottom - (box.bottom - margin);
    }
    this.#draw();
  }

  #focusRect(selection: Selection): DOMRect | null {
    if (!selection.focusNode) return null;
    const range = this.#view.dom.ownerDocument.createRange();
    range.setStart(selection.focusNode, selection.focusOffset);
    range.collapse(true);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.height > 0) return rect;
    // At the edge of an element a collapsed range has no box: measure the character after it.
    const node = selection.focusNode;
    if (node.nodeType === Node.TEXT_NODE && selection.focusOffset < (node.textContent ?? '').length) {
      range.setEnd(node, selection.focusOffset + 1);
      const next = range.getClientRects()[0];
      if (next) return new DOMRect(next.left, next.top, 0, next.height);
    }
    return null;
  }

  #draw(): void {
    const selection = this.#view.dom.ownerDocument.getSelection();
    const focused = this.#view.dom.ownerDocument.activeElement === this.#view.dom;
    const rect = focused && selection && this.#inside(selection) ? this.#focusRect(selection) : null;
    const layer = this.#view.dom.parentElement;
    this.#mark.hidden = !rect || !layer;
    if (rect && layer) placeInLayer(layer, this.#mark, new DOMRect(rect.left, rect.top, 2, rect.height));
  }
}
