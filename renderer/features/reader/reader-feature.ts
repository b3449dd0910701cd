import { readingText } from '../../../core/corpus/reading-text.ts';
import type { Context } from '../../context.ts';
import { debounce, isTyping } from '../../dom.ts';
import type { TextRange } from '../../state/app-state.ts';
import { openLink } from '../open-link.ts';
import { openAnnotations } from '../annotations/selectors.ts';
import { mountFind } from './find-bar.ts';
import { mountGoTo } from './go-to.ts';
import { showNotePopover } from './note-popover.ts';
import { ReaderView } from './reader-view.ts';
import { mountSourceNotice } from './source-notice.ts';
import { syncHighlights, type DrawnHighlights } from './sync-highlights.ts';

/** What the reader tells the rest of the app. */
export interface ReaderEvents {
  /** The text selection changed. */
  selection(): void;
  /** The user clicked or pressed Enter on a highlight. */
  activateHighlight(id: string): void;
  /** The user dragged an end of a highlight to a new place. */
  adjustHighlight(id: string, range: TextRange): Promise<void>;
}

/** The reader feature: the open source, its highlights and search marks, text size and place. */
export interface Reader {
  /** Opens a source at a range (flashed), or where the user last read it. False if it could not be opened. */
  open(id: string, at?: TextRange): Promise<boolean>;
  /** Opens the open source again (its file changed), at the place the user is reading, keeping the highlight being edited. */
  reopen(): Promise<void>;
  /** Opens the source the user last read, where they left it, unless they opened another meanwhile. */
  restore(id: string): Promise<boolean>;
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
  /** Counts requests to open a source: only the latest one is shown. */
  let opening = 0;

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

  // The view follows the open source: a new source gets a new view.
  store.watch(
    (state) => state.open?.source,
    (source) => {
      view?.destroy();
      view = null;
      drawn = new Map();
      mount.replaceChildren();
      ctx.part('.reader-empty').hidden = source !== undefined;
      const title = ctx.part('.reader-title');
      title.textContent = source ? (source.meta.csl.title ?? source.id) : 'Apparatus';
      // The toolbar cuts a long title short with an ellipsis; the tooltip gives the whole of it.
      title.title = title.textContent;
      if (!source) return;
      view = new ReaderView(mount, source, readingText(source).blocks, {
        selection: () => events.selection(),
        activateHighlight: (id) => events.activateHighlight(id),
        activateLink: (href) => void openLink(ctx, href),
        adjustHighlight: (id, range) => {
          const shown = view;
          void events.adjustHighlight(id, range).finally(() => shown?.endPreview());
        },
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
      if (!view) return;
      if (!matches || matches.ranges.length === 0 || matches.sourceId !== store.state.open?.source.id) {
        view.setSearchMatches([], 0);
        return;
      }
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
    const turn = ++opening;
    const [opened, saved] = await Promise.all([calls.call('corpus.open', { id }), calls.call('reader.getState', { sourceId: id })]);
    // The user asked for another source meanwhile: that one is shown.
    if (!opened || turn !== opening) return false;
    if (!again) void calls.call('reader.saveSession', { lastSourceId: id });
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

  const focus = () => view?.view.dom.focus({ preventScroll: true });
  const scrollTo = (range: TextRange) => view?.scrollToRange(range.start, range.end);
  mountSourceNotice(ctx);
  mountFind(ctx, focus);
  mountGoTo(ctx, { scrollTo, focusReader: focus });

  return {
    open: (id, at) => open(id, at),
    restore: (id) => (opening === 0 ? open(id) : Promise.resolve(false)),
    async reopen() {
      const id = store.state.open?.source.id;
      if (!id || !view) return;
      const offset = view.topOffset(scroller);
      await open(id, { start: offset, end: offset }, true);
    },
    selectionRange: () => view?.selectionRange() ?? null,
    clearSelection: () => view?.clearSelection(),
    scrollTo,
    focus,
  };
}
