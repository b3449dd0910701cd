import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Source } from '../../../core/corpus/model.ts';
import { ReaderCaret } from './caret.ts';
import { flashRange } from './flash.ts';
import { dragHandles } from './handle-drag.ts';
import { DRAW_ALL_LIMIT, highlightPlugin, highlightsAt, highlightTransaction, highlightWindow, type HighlightAction } from './highlights.ts';
import { Positions, type BlockSpan } from './positions.ts';
import { searchMarksPlugin, searchMarksTransaction } from './search-marks.ts';
import { sourceToDoc } from './source-doc.ts';

/** The events by which the reader scrolls the text themselves (the scroll bar is grabbed with a pointer). */
const USER_SCROLLS = ['wheel', 'pointerdown', 'keydown'] as const;
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/** A highlight in reading-text offsets, as the app knows it. */
export interface ReaderHighlight {
  id: string;
  start: number;
  end: number;
  color: string;
  /** Another member's name, when the highlight is theirs. */
  author?: string;
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
  /** The user dragged an end of a highlight: its new extent (the view shows it until `endPreview`). */
  adjustHighlight(id: string, range: { start: number; end: number }): void;
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
  readonly #scroller: HTMLElement;
  readonly #caret: ReaderCaret;
  #windowFrame = 0;
  /** Counts scrolls to a passage, so a later one stops an earlier one from settling. */
  #scrolls = 0;

  constructor(mount: HTMLElement, source: Source, spans: readonly BlockSpan[], events: ReaderEvents) {
    this.#events = events;
    this.#scroller = mount.closest<HTMLElement>('.reader-scroll') ?? mount;
    const doc = sourceToDoc(source);
    this.positions = new Positions(doc, spans);
    this.view = new EditorView(mount, {
      state: EditorState.create({ doc, plugins: [highlightPlugin(this.positions), searchMarksPlugin()] }),
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
    this.#caret = new ReaderCaret(this.view, this.#scroller);
    const stopDrag = dragHandles(this.view, (pos) => this.positions.toOffset(pos), (id, start, end) => this.#events.adjustHighlight(id, { start, end }));
    const onScroll = () => this.#scheduleWindow();
    // The reader scrolling by themselves while a passage settles takes over from it: otherwise the
    // next frame would pull the text back under their hand.
    const onUserScroll = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || SCROLL_KEYS.has(event.key)) this.#scrolls += 1;
    };
    // Links and note numbers answer plain DOM clicks: ProseMirror's own click tracking can miss a
    // click that follows a modal dialog (its mouseup went to the dialog).
    const onClick = (event: MouseEvent) => this.#activate(event);
    dom.addEventListener('click', onClick);
    dom.addEventListener('mouseup', onPointerUp);
    dom.addEventListener('keyup', onKeyUp);
    dom.addEventListener('keydown', onKeyDown);
    this.#scroller.addEventListener('scroll', onScroll, { passive: true });
    for (const type of USER_SCROLLS) this.#scroller.addEventListener(type, onUserScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    this.#cleanup.push(() => {
      this.#caret.destroy();
      stopDrag();
      cancelAnimationFrame(this.#windowFrame);
      this.#scroller.removeEventListener('scroll', onScroll);
      for (const type of USER_SCROLLS) this.#scroller.removeEventListener(type, onUserScroll);
      window.removeEventListener('resize', onScroll);
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('mouseup', onPointerUp);
      dom.removeEventListener('keyup', onKeyUp);
      dom.removeEventListener('keydown', onKeyDown);
    });
  }

  /** Replaces every highlight (on opening a source, or after re-anchoring). */
  setHighlights(highlights: readonly ReaderHighlight[]): void {
    if (highlights.length === 0 && highlightWindow(this.view.state).count === 0) return;
    // Many highlights are drawn only near the screen: it is measured first, so that those on it
    // show at the first paint, drawn in one go.
    const window = highlights.length > DRAW_ALL_LIMIT ? this.#visibleWindow() : null;
    this.#dispatch({ type: 'set', highlights, ...(window ? { window } : {}) });
  }

  /** Draws one more highlight. */
  addHighlight(highlight: ReaderHighlight): void {
    this.#dispatch({ type: 'add', highlight });
    // The one too many to draw them all: from now on those near the screen are drawn.
    const window = highlightWindow(this.view.state);
    if (!window.all && window.end <= window.start) this.#updateWindow();
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

  /** Shows the highlights as saved again, after an end was dragged. */
  endPreview(): void {
    this.#dispatch({ type: 'preview', extent: null });
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

  /**
   * Scrolls a reading-text range to a third of the way down, optionally flashing it so the eye
   * finds it. Blocks brought on screen are laid out only then (content-visibility: auto) and may
   * turn out taller or shorter than estimated, moving the passage: it is placed again at the next
   * frames until it stays, and only then flashed.
   */
  scrollToRange(start: number, end: number, flash = true): void {
    const { from, to } = this.positions.fromRange(start, end);
    const scroller = this.#scroller;
    const turn = ++this.#scrolls;
    const place = (): number => {
      const box = scroller.getBoundingClientRect();
      const delta = this.view.coordsAtPos(from).top - box.top - box.height / 3;
      if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
      return Math.abs(delta);
    };
    place();
    this.#updateWindow();
    // Which blocks are near the screen is decided as a frame is drawn, after its callbacks: the
    // passage has stayed put only once it did not move across two frames.
    let frames = 0;
    let still = 0;
    const settle = () => {
      // A later scroll to another passage takes over.
      if (turn !== this.#scrolls) return;
      still = place() < 2 ? still + 1 : 0;
      if (still < 2 && ++frames < 12) requestAnimationFrame(settle);
      else if (flash) flashRange(this.view, from, to);
    };
    requestAnimationFrame(settle);
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
    const [id] = highlightsAt(this.view.state, this.positions.toOffset(pos));
    if (id) {
      this.#events.activateHighlight(id);
      return true;
    }
    return false;
  }

  #keyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.#activateTarget(event, () => true);
    else if (this.#caret.keyDown(event)) queueMicrotask(() => this.#reportSelection());
  }

  #scheduleWindow(): void {
    if (this.#windowFrame) return;
    this.#windowFrame = requestAnimationFrame(() => {
      this.#windowFrame = 0;
      this.#updateWindow();
    });
  }

  // With many highlights only those near the screen are drawn: this moves that window with the view.
  #updateWindow(): void {
    const drawn = highlightWindow(this.view.state);
    if (drawn.all) return;
    const visible = this.#visibleWindow(drawn);
    if (visible) this.#dispatch({ type: 'window', ...visible });
  }

  // The text on screen and a little on either side; null when it is within `drawn` already (or cannot be measured).
  #visibleWindow(drawn?: { start: number; end: number }): { start: number; end: number } | null {
    const box = this.#scroller.getBoundingClientRect();
    const text = this.view.dom.getBoundingClientRect();
    const left = Math.max(box.left, text.left) + Math.min(box.width, text.width) / 2;
    const top = this.view.posAtCoords({ left, top: Math.max(box.top, text.top) + 2 })?.pos;
    const bottom = this.view.posAtCoords({ left, top: Math.min(box.bottom, text.bottom) - 2 })?.pos;
    if (top === undefined || bottom === undefined) return null;
    const start = this.positions.toOffset(top);
    const end = this.positions.toOffset(bottom);
    if (drawn && start >= drawn.start && end <= drawn.end) return null;
    // An eighth of a screen on either side: a little scrolling needs no redraw, and the first
    // paint of a heavily annotated source draws little more than the screen.
    const margin = Math.max(100, Math.round((end - start) / 8));
    return { start: start - margin, end: end + margin };
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
}
