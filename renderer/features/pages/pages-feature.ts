import type { Source } from '../../../core/corpus/model.ts';
import type { SourcePdfInfo } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { debounce } from '../../dom.ts';
import type { AppState } from '../../state/app-state.ts';
import { activeAnnotation } from '../annotations/selectors.ts';
import { PagePane } from './page-pane.ts';
import { ZOOM } from './pages-reducer.ts';
import { openPdf, type OpenPdf } from './pdf-document.ts';
import { highlightOnPage, pdfPageAt, sourcePages, type SourcePages } from './source-pages.ts';

/** The page view: the printed page of a PDF source beside its text. */
export interface PageView {
  /** Shows or hides the page view. */
  toggle(): void;
}

/** The open source's PDF, loaded, with where its printed pages are. */
interface Loaded {
  sourceId: string;
  pdf: OpenPdf;
  pages: SourcePages;
}

/** True for the page view's shortcut: Ctrl+Shift+P (⌘⇧P on macOS). */
function isShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p';
}

/**
 * Mounts the page view: the toolbar button and shortcut that show it, the pane that draws the
 * printed page at the reading position (or the page of the highlight being edited, with the
 * passage marked), and the loading of the open source's PDF from main.
 */
export function mountPages(ctx: Context): PageView {
  const { store, calls } = ctx;
  const toggleButton = ctx.part<HTMLButtonElement>('[data-action="page-view"]');
  const paneElement = ctx.part('.page-pane');
  const scroller = ctx.part('.reader-scroll');
  let loaded: Loaded | null = null;

  const toggle = () => {
    const { pages, open } = store.state;
    if (!open || pages.pdf.status === 'none' || pages.pdf.status === 'unknown') return;
    store.dispatch({ type: 'pages/toggled', shown: !pages.shown });
  };
  const pane = new PagePane(paneElement, {
    turn: (delta) => store.dispatch({ type: 'pages/turned', page: store.state.pages.page + delta, follow: false }),
    zoom: (delta) => store.dispatch({ type: 'pages/zoomed', zoom: store.state.pages.zoom + delta * ZOOM.step }),
    close: () => {
      store.dispatch({ type: 'pages/toggled', shown: false });
      toggleButton.focus();
    },
  });
  toggleButton.addEventListener('click', toggle);
  document.addEventListener('keydown', (event) => {
    if (!isShortcut(event) || store.state.dialogs.modal) return;
    event.preventDefault();
    toggle();
  });

  // Is the highlight drawn somewhere in the reader's view?
  const onScreen = (id: string) => {
    const view = scroller.getBoundingClientRect();
    return Array.from(scroller.querySelectorAll(`[data-annotation-id="${CSS.escape(id)}"]`)).some((mark) => {
      const box = mark.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
  };
  // The milestone of the page being read: the last printed page that begins above the reading
  // line, a third of the way down the reader (where the eye is); before the first, the first.
  const milestoneRead = () => {
    const view = scroller.getBoundingClientRect();
    const line = view.top + view.height / 3;
    const milestones = scroller.querySelectorAll('.reading .page-milestone');
    let low = 0;
    let high = milestones.length - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((milestones[mid] as Element).getBoundingClientRect().top <= line) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
  // The page being read, or the page of the highlight being edited when it was just chosen or is
  // in view; null when the open source's PDF is not loaded or the page is not known.
  const pageToFollow = (state: AppState, chosen: boolean): number | null => {
    const source = state.open?.source;
    if (!source || !loaded || loaded.sourceId !== source.id) return null;
    const active = activeAnnotation(state);
    const onHighlight = active !== undefined && active.sourceId === source.id && active.anchor !== 'orphaned' && (chosen || onScreen(active.id));
    return onHighlight ? pdfPageAt(loaded.pages, source, Math.min(active.position.start, loaded.pages.text.length)) : (loaded.pages.pdfPages[milestoneRead()] ?? null);
  };
  const follow = (state: AppState, chosen: boolean) => {
    const page = state.pages.pdf.status === 'ready' ? pageToFollow(state, chosen) : null;
    if (page !== null) store.dispatch({ type: 'pages/turned', page, follow: true });
  };

  // What main knows of the open source's PDF.
  store.watch(
    (state) => state.open?.source.id,
    async (id) => {
      if (loaded && loaded.sourceId !== id) {
        void loaded.pdf.close();
        loaded = null;
        pane.clear();
      }
      if (!id || store.state.pages.pdf.status !== 'unknown') return;
      const info = await calls.result('corpus.pdfInfo', { id });
      if (info.ok) store.dispatch({ type: 'pages/found', sourceId: id, info: info.value });
      else store.dispatch({ type: 'pages/failed', sourceId: id, message: info.error.message });
    },
  );
  const load = async (source: Source, info: SourcePdfInfo) => {
    const id = source.id;
    store.dispatch({ type: 'pages/loading', sourceId: id });
    const data = await calls.result('corpus.pdfData', { id });
    if (!data.ok) {
      store.dispatch({ type: 'pages/failed', sourceId: id, message: data.error.message });
      return;
    }
    let pdf: OpenPdf;
    try {
      pdf = await openPdf(data.value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      store.dispatch({ type: 'pages/failed', sourceId: id, message: `The PDF of this source cannot be opened: ${reason}` });
      return;
    }
    if (store.state.open?.source.id !== id) {
      void pdf.close();
      return;
    }
    const pageCount = pdf.document.numPages;
    loaded = { sourceId: id, pdf, pages: sourcePages(source, info.pageLabels, pageCount) };
    // Drawn once, at the page to show.
    const page = pageToFollow(store.state, activeAnnotation(store.state) !== undefined) ?? 0;
    store.dispatch({ type: 'pages/loaded', sourceId: id, pageCount, page });
  };
  // The PDF is loaded when the page view is first shown for the source.
  store.watch(
    (state) => [state.pages.shown, state.pages.pdf, state.open?.source] as const,
    ([shown, pdf, source]) => {
      if (shown && source && pdf.status === 'available') void load(source, pdf.info);
    },
  );

  // The page follows the reader's scrolling, and the highlight the user chooses.
  store.watch(
    (state) => state.reader.offset,
    () => follow(store.state, false),
  );
  store.watch(
    (state) => state.side.activeId,
    (id, previous) => previous !== undefined && follow(store.state, id !== null),
  );
  store.watch(
    (state) => state.pages.shown,
    (shown, previous) => {
      if (shown && previous === false) follow(store.state, activeAnnotation(store.state) !== undefined);
    },
  );

  // The button shows for a source with a PDF; the pane, while the user wants it.
  store.watch(
    (state) => [state.pages.shown, state.pages.pdf.status, state.open !== null] as const,
    ([shown, status, open]) => {
      const has = open && status !== 'none' && status !== 'unknown';
      toggleButton.hidden = !has;
      toggleButton.setAttribute('aria-pressed', String(shown && has));
      paneElement.hidden = !(shown && has);
      if (!(shown && has)) pane.clear();
    },
  );

  const draw = () => {
    const state = store.state;
    const { pages, open } = state;
    if (!pages.shown || !open) return;
    const { pdf } = pages;
    if (pdf.status === 'available' || pdf.status === 'loading') pane.message('Loading the PDF…', 'The printed pages of this source are being read.');
    else if (pdf.status === 'failed') pane.message('The page cannot be shown', pdf.message);
    if (pdf.status !== 'ready' || !loaded || loaded.sourceId !== open.source.id) return;
    const active = activeAnnotation(state);
    const highlight = active && active.sourceId === open.source.id && active.anchor !== 'orphaned' ? active : undefined;
    void pane.show({
      document: loaded.pdf.document,
      index: pages.page,
      label: loaded.pages.labels[pages.page] ?? null,
      zoom: pages.zoom,
      passage: highlight ? highlightOnPage(loaded.pages, open.source, highlight, pages.page) : null,
    });
  };
  // Drawn again when what it shows changes (not when the highlight's note is edited).
  store.watch((state) => {
    const { shown, pdf, page, zoom } = state.pages;
    const active = activeAnnotation(state);
    return [shown, pdf, page, zoom, active?.id, active?.position.start, active?.position.end, active?.anchor] as const;
  }, draw);
  // A pane made wider or narrower draws its page again, to its new width.
  const redraw = debounce(draw, 150);
  let width = 0;
  new ResizeObserver(([entry]) => {
    const next = Math.round(entry?.contentRect.width ?? 0);
    if (next !== width && width !== 0) redraw();
    width = next;
  }).observe(paneElement);

  return { toggle };
}
