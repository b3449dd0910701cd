import { readingText } from '../../../core/corpus/reading-text.ts';
import type { Context } from '../../context.ts';
import { debounce, isTyping } from '../../dom.ts';
import type { TextRange } from '../../state/app-state.ts';
import { confirmAction, notify } from '../../ui/dialogs.ts';
import { openAnnotations } from '../annotations/selectors.ts';
import { showNotePopover } from './note-popover.ts';
import { ReaderView } from './reader-view.ts';
import { syncHighlights, type DrawnHighlights } from './sync-highlights.ts';

/** What the reader tells the rest of the app. */
export interface ReaderEvents {
  /** The text selection changed. */
  selection(): void;
  /** The user clicked or pressed Enter on a highlight. */
  activateHighlight(id: string): void;
}

/** The reader feature: the open source, its highlights and search marks, text size and place. */
export interface Reader {
  /** Opens a source at a range (flashed), or where the user last read it. False if it could not be opened. */
  open(id: string, at?: TextRange): Promise<boolean>;
  /** Opens the open source again (its file changed), at the place the user is reading, keeping the highlight being edited. */
  reopen(): Promise<void>;
  /** The selected text as a reading-text range, if any. */
  selectionRange(): TextRange | null;
  clearSelection(): void;
  /** Scrolls a range of the open source into view and flashes it. */
  scrollTo(range: TextRange): void;
  /** The reader's document element, to give it the focus. */
  focus(): void;
}

/** Mounts the reader pane: title, text size buttons, the reading view and the note popover. */
export function mountReader(ctx: Context, events: ReaderEvents): Reader {
  const { store, calls } = ctx;
  const scroller = ctx.part('.reader-scroll');
  const mount = ctx.part('.reader-body');
  let view: ReaderView | null = null;
  let drawn: DrawnHighlights = new Map();
  let noteAnchor: HTMLElement | null = null;

  const savePosition = debounce((sourceId: string, offset: number) => void calls.call('reader.savePosition', { sourceId, offset }), 400);
  calls.onFlush(() => savePosition.flush());

  const setFontSize = (size: number) => {
    const before = store.state.reader.fontSize;
    store.dispatch({ type: 'reader/resized', fontSize: size });
    const after = store.state.reader.fontSize;
    if (after !== before) void calls.call('reader.setFontSize', { size: after });
  };
  ctx.part('[data-action="smaller"]').addEventListener('click', () => setFontSize(store.state.reader.fontSize - 1));
  ctx.part('[data-action="larger"]').addEventListener('click', () => setFontSize(store.state.reader.fontSize + 1));
  scroller.addEventListener('scroll', () => {
    if (view) store.dispatch({ type: 'reader/scrolled', offset: view.topOffset(scroller) });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !isTyping(event.target)) store.dispatch({ type: 'note/shown', label: null });
  });

  const openLink = async (href: string) => {
    if (!/^https?:\/\//i.test(href)) {
      notify(`This link cannot be opened: ${href}`, 'error');
      return;
    }
    if (await ctx.modal('confirm', () => confirmAction('Open this link in your browser?', href, 'Open link'))) await calls.call('app.openExternal', { url: href });
  };

  // The view follows the open source: a new source gets a new view.
  store.watch(
    (state) => state.open?.source,
    (source) => {
      view?.destroy();
      view = null;
      drawn = new Map();
      mount.replaceChildren();
      ctx.part('.reader-empty').hidden = source !== undefined;
      ctx.part('.reader-title').textContent = source ? (source.meta.csl.title ?? source.id) : '';
      if (!source) return;
      view = new ReaderView(mount, source, readingText(source).blocks, {
        selection: () => events.selection(),
        activateHighlight: (id) => events.activateHighlight(id),
        activateLink: (href) => void openLink(href),
        activateNoteRef: (label, anchor) => {
          noteAnchor = anchor;
          store.dispatch({ type: 'note/shown', label: null });
          store.dispatch({ type: 'note/shown', label });
        },
      });
    },
  );
  store.watch(
    (state) => [state.open, openAnnotations(state), state.side.activeId] as const,
    ([, annotations, activeId]) => {
      if (!view) return;
      drawn = syncHighlights(view, drawn, annotations.filter((a) => a.anchor !== 'orphaned'));
      view.selectHighlight(activeId);
    },
  );
  store.watch(
    (state) => state.reader.fontSize,
    (size) => ctx.root.style.setProperty('--reading-size', `${size}px`),
  );
  store.watch(
    (state) => [state.open?.source.id, state.reader.offset] as const,
    ([id, offset], previous) => {
      // Opening a source sets the place it was read at: only the user's scrolling is saved.
      if (id && offset !== null && previous?.[0] === id) savePosition(id, offset);
    },
  );
  store.watch(
    (state) => state.search.matches,
    (matches) => {
      if (!view || !matches || matches.ranges.length === 0 || matches.sourceId !== store.state.open?.source.id) return;
      view.setSearchMatches(matches.ranges, matches.current);
      const range = matches.ranges[matches.current]!;
      view.scrollToRange(range.start, range.end);
    },
  );
  let closeNote: (() => void) | null = null;
  store.watch(
    (state) => state.dialogs.note,
    (label) => {
      closeNote?.();
      closeNote = null;
      const anchor = noteAnchor;
      if (label === null || !anchor) return;
      const note = mount.querySelector(`.note[data-label="${CSS.escape(label)}"]`);
      closeNote = showNotePopover(label, anchor, note, (returnFocus) => {
        store.dispatch({ type: 'note/shown', label: null });
        if (returnFocus) anchor.focus();
      });
    },
  );

  // `again`: the same source anew (its file changed): no flash, and the focus stays where it is.
  const open = async (id: string, at?: TextRange, again = false): Promise<boolean> => {
    calls.flush();
    const [opened, saved] = await Promise.all([calls.call('corpus.open', { id }), calls.call('reader.getState', { sourceId: id })]);
    if (!opened) return false;
    if (saved) store.dispatch({ type: 'reader/resized', fontSize: saved.fontSize });
    store.dispatch({ type: 'source/opened', source: opened.source, annotations: opened.annotations, offset: saved?.offset ?? null });
    const shown = view;
    if (!shown) return false;
    if (at) shown.scrollToRange(at.start, at.end, !again);
    else if (saved?.offset) shown.scrollToRange(saved.offset, saved.offset, false);
    else scroller.scrollTop = 0;
    if (!again) shown.view.dom.focus({ preventScroll: true });
    return true;
  };

  return {
    open: (id, at) => open(id, at),
    async reopen() {
      const id = store.state.open?.source.id;
      if (!id || !view) return;
      const offset = view.topOffset(scroller);
      await open(id, { start: offset, end: offset }, true);
    },
    selectionRange: () => view?.selectionRange() ?? null,
    clearSelection: () => view?.clearSelection(),
    scrollTo: (range) => view?.scrollToRange(range.start, range.end),
    focus: () => view?.view.dom.focus({ preventScroll: true }),
  };
}
