import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Source } from '../../../core/corpus/model.ts';
import { highlightPlugin, highlightsAt, highlightTransaction, type HighlightAction } from './highlights.ts';
import { Positions, type BlockSpan } from './positions.ts';
import { searchMarksPlugin, searchMarksTransaction } from './search-marks.ts';
import { sourceToDoc } from './source-doc.ts';

/** A highlight in reading-text offsets, as the app knows it. */
export interface ReaderHighlight {
  id: string;
  start: number;
  end: number;
  color: string;
}

/** What the reader tells the app about the user's actions. */
export interface ReaderEvents {
  /** The user selected text (reading-text offsets), or cleared the selection. */
  selection(range: { start: number; end: number } | null): void;
  /** The user clicked or pressed Enter on a highlight. */
  activateHighlight(id: string): void;
  /** The user activated a link; the app asks before opening it. */
  activateLink(href: string): void;
  /** The user activated a note reference. */
  activateNoteRef(label: string, anchor: HTMLElement): void;
}

/**
 * A read-only ProseMirror view of one source, with highlights drawn as decorations. It speaks
 * reading-text offsets to the app and ProseMirror positions to the view, through `Positions`.
 */
export class ReaderView {
  readonly view: EditorView;
  readonly positions: Positions;
  readonly #events: ReaderEvents;
  readonly #cleanup: (() => void)[] = [];

  constructor(mount: HTMLElement, source: Source, spans: readonly BlockSpan[], events: ReaderEvents) {
    this.#events = events;
    const doc = sourceToDoc(source);
    this.positions = new Positions(doc, spans);
    this.view = new EditorView(mount, {
      state: EditorState.create({ doc, plugins: [highlightPlugin(), searchMarksPlugin()] }),
      editable: () => false,
      attributes: { class: 'reading', role: 'document', 'aria-label': source.meta.csl.title ?? source.id, tabindex: '0' },
      handleClick: (view, pos, event) => this.#click(pos, event),
    });
    const dom = this.view.dom;
    const onPointerUp = () => queueMicrotask(() => this.#reportSelection());
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.shiftKey || event.key.startsWith('Arrow')) this.#reportSelection();
    };
    const onKeyDown = (event: KeyboardEvent) => this.#keyDown(event);
    // Links and note numbers answer plain DOM clicks: ProseMirror's own click tracking can miss a
    // click that follows a modal dialog (its mouseup went to the dialog).
    const onClick = (event: MouseEvent) => this.#activate(event);
    dom.addEventListener('click', onClick);
    dom.addEventListener('mouseup', onPointerUp);
    dom.addEventListener('keyup', onKeyUp);
    dom.addEventListener('keydown', onKeyDown);
    this.#cleanup.push(() => {
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('mouseup', onPointerUp);
      dom.removeEventListener('keyup', onKeyUp);
      dom.removeEventListener('keydown', onKeyDown);
    });
  }

  /** Replaces every highlight (on opening a source, or after re-anchoring). */
  setHighlights(highlights: readonly ReaderHighlight[]): void {
    this.#dispatch({ type: 'set', highlights: highlights.map((h) => this.#toPm(h)) });
  }

  /** Draws one more highlight. */
  addHighlight(highlight: ReaderHighlight): void {
    this.#dispatch({ type: 'add', highlight: this.#toPm(highlight) });
  }

  /** Removes a highlight's decoration. */
  removeHighlight(id: string): void {
    this.#dispatch({ type: 'remove', id });
  }

  /** Repaints a highlight in another colour. */
  recolorHighlight(id: string, color: string): void {
    this.#dispatch({ type: 'recolor', id, color });
  }

  /** Marks one highlight as the one being edited (or none). */
  selectHighlight(id: string | null): void {
    this.#dispatch({ type: 'select', id });
  }

  /** Marks search matches (reading-text ranges); `current` is the one scrolled to and emphasised. */
  setSearchMatches(ranges: readonly { start: number; end: number }[], current: number): void {
    const marks = { ranges: ranges.map((range) => this.positions.fromRange(range.start, range.end)), current };
    this.view.dispatch(searchMarksTransaction(this.view.state, marks));
  }

  /** The current text selection in reading-text offsets, or null when nothing is selected. */
  selectionRange(): { start: number; end: number } | null {
    const selection = this.view.dom.ownerDocument.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!this.view.dom.contains(range.startContainer) || !this.view.dom.contains(range.endContainer)) return null;
    let from: number;
    let to: number;
    try {
      from = this.view.posAtDOM(range.startContainer, range.startOffset);
      to = this.view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
    const { start, end } = this.positions.toRange(Math.min(from, to), Math.max(from, to));
    return end > start ? { start, end } : null;
  }

  /** Clears the browser's text selection (after a highlight was made from it). */
  clearSelection(): void {
    this.view.dom.ownerDocument.getSelection()?.removeAllRanges();
  }

  /** Scrolls a reading-text range into view, optionally flashing it so the eye finds it. */
  scrollToRange(start: number, end: number, flash = true): void {
    const { from, to } = this.positions.fromRange(start, end);
    const coords = this.view.coordsAtPos(from);
    const scroller = this.view.dom.closest('.reader-scroll') ?? this.view.dom.parentElement;
    if (scroller instanceof HTMLElement) {
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += coords.top - box.top - box.height / 3;
    }
    if (flash) this.#flash(from, to);
  }

  /** The reading-text offset of the first block visible at the top of the scroller. */
  topOffset(scroller: HTMLElement): number {
    const box = scroller.getBoundingClientRect();
    const found = this.view.posAtCoords({ left: box.left + box.width / 2, top: box.top + 8 });
    return found ? this.positions.toOffset(found.pos) : 0;
  }

  /** Removes the view and every listener. */
  destroy(): void {
    for (const dispose of this.#cleanup) dispose();
    this.view.destroy();
  }

  #toPm(highlight: ReaderHighlight) {
    const { from, to } = this.positions.fromRange(highlight.start, highlight.end);
    return { id: highlight.id, color: highlight.color, from, to };
  }

  #dispatch(action: HighlightAction): void {
    this.view.dispatch(highlightTransaction(this.view.state, action));
  }

  #reportSelection(): void {
    this.#events.selection(this.selectionRange());
  }

  // A click on a note number or a link (not the end of a text selection) activates it.
  #activate(event: MouseEvent): void {
    this.#activateTarget(event, () => !this.selectionRange());
  }

  #click(pos: number, event: MouseEvent): boolean {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('.note-ref, .external-link')) return true;
    if (this.selectionRange()) return false;
    const [id] = highlightsAt(this.view.state, pos);
    if (id) {
      this.#events.activateHighlight(id);
      return true;
    }
    return false;
  }

  #keyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.#activateTarget(event, () => true);
  }

  // Activates the note number or link the event happened on; a link only when `linkAllowed`.
  #activateTarget(event: Event, linkAllowed: () => boolean): void {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const noteRef = target?.closest<HTMLElement>('.note-ref');
    if (noteRef?.dataset.label) {
      event.preventDefault();
      this.#events.activateNoteRef(noteRef.dataset.label, noteRef);
      return;
    }
    const link = target?.closest<HTMLElement>('.external-link');
    if (link?.dataset.href && linkAllowed()) {
      event.preventDefault();
      this.#events.activateLink(link.dataset.href);
    }
  }

  #flash(from: number, to: number): void {
    const doc = this.view.dom.ownerDocument;
    const range = doc.createRange();
    try {
      const start = this.view.domAtPos(from);
      const end = this.view.domAtPos(to);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
    } catch {
      return;
    }
    const layer = this.view.dom.parentElement;
    if (!layer) return;
    const origin = layer.getBoundingClientRect();
    for (const rect of Array.from(range.getClientRects())) {
      const mark = doc.createElement('div');
      mark.className = 'flash';
      mark.style.left = `${rect.left - origin.left + layer.scrollLeft}px`;
      mark.style.top = `${rect.top - origin.top + layer.scrollTop}px`;
      mark.style.width = `${rect.width}px`;
      mark.style.height = `${rect.height}px`;
      layer.append(mark);
      mark.addEventListener('animationend', () => mark.remove());
      setTimeout(() => mark.remove(), 2000);
    }
  }
}
