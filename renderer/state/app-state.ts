import { FONT_SIZE, type HistoryLabels, type ImportProgress, type SearchProgress, type SearchResults, type SourcePdfInfo, type SourceSummary, type TagSummary } from '../../core/api.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import type { Source } from '../../core/corpus/model.ts';

/** A reading-text range `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/** The library list and whether it could be loaded. */
export interface LibraryState {
  status: 'loading' | 'ready' | 'failed';
  sources: readonly SourceSummary[];
}

/** The filters of the annotations list. */
export interface AnnotationFilters {
  scope: 'source' | 'corpus';
  tagId: string;
  color: string;
  text: string;
  /** '' for anyone's, `MINE` for this project's user's, else another member's name. */
  author: string;
}

/** The author filter's value for the highlights this project's user made (no member name has '@'). */
export const MINE = '@mine';

/** The matches of a search in the open source, in reading order, and which one is shown. */
export interface SearchMatches {
  sourceId: string;
  ranges: readonly TextRange[];
  current: number;
}

/** What the search box asked, what came back, and how far the index is built. */
export interface SearchState {
  query: string;
  /** Null while the box is empty: the library list shows instead. */
  results: SearchResults | null;
  matches: SearchMatches | null;
  progress: SearchProgress | null;
}

/** The modal dialogs the app shows; while one is open, reader shortcuts are off. */
export type ModalKind = 'confirm' | 'export' | 'import' | 'metadata' | 'trim' | 'message' | 'project' | 'share' | InteropModal;

/** The dialogs of reference and annotation imports and of Zotero. */
export type InteropModal = 'references' | 'annotations-import' | 'zotero' | 'zotero-send';

/** Which dialog and which note popover are open. */
export interface DialogsState {
  modal: ModalKind | null;
  /** Label of the source note shown in a popover. */
  note: string | null;
}

/** The two tabs of the side panel. */
export type SideTab = 'annotations' | 'tags';

/** The side panel: which tab, and which highlight its editor shows. */
export interface SideState {
  tab: SideTab;
  activeId: string | null;
}

/** Which panels the user collapsed, and the window's width (a narrow one shows fewer panels). */
export interface LayoutState {
  collapsed: { library: boolean; side: boolean };
  width: number;
}

/** Find in this source: whether its bar is open, and what it looks for. */
export interface FindState {
  open: boolean;
  query: string;
}

/** Where the reader is: text size and the offset at the top of the view. */
export interface ReaderPosition {
  fontSize: number;
  offset: number | null;
}

/**
 * The PDF of the open source, as far as the page knows it: not asked yet, none (not imported from
 * a PDF), known to exist, being loaded, ready to show (with its pages), or failed (with why).
 */
export type PagePdf =
  | { status: 'unknown' }
  | { status: 'none' }
  | { status: 'available'; info: SourcePdfInfo }
  | { status: 'loading'; info: SourcePdfInfo }
  | { status: 'ready'; info: SourcePdfInfo; pageCount: number }
  | { status: 'failed'; message: string };

/** The page view beside the reader: whether it is shown, the open source's PDF, and which page it shows. */
export interface PageViewState {
  shown: boolean;
  pdf: PagePdf;
  /** The PDF page shown, 0-based. */
  page: number;
  /** True while the page follows the reading position; false once the user turned to a page. */
  following: boolean;
  /** How large the page is drawn, as a share of the pane's width. */
  zoom: number;
}

/** The whole state of the page, one value changed only by actions through the store. */
export interface AppState {
  library: LibraryState;
  open: { source: Source } | null;
  /** Every annotation the page has loaded (the open source's; the corpus's when listed), by id. */
  annotations: ReadonlyMap<string, Annotation>;
  tags: readonly TagSummary[];
  search: SearchState;
  dialogs: DialogsState;
  reader: ReaderPosition;
  side: SideState;
  filters: AnnotationFilters;
  history: HistoryLabels;
  layout: LayoutState;
  find: FindState;
  /** Where the annotations of sources other than the open one lie ("p. 380"), as main placed them, by id. */
  places: ReadonlyMap<string, string>;
  pages: PageViewState;
  /** How far main has read a file being imported (pages of a PDF), while it reads one. */
  importing: ImportProgress | null;
  /**
   * Why this project's user may not write to the group the corpus is shared with: they are a
   * reader there, or the server has not yet said what they are; null when they may write.
   */
  writeLock: WriteLock | null;
}

/** A group in which the user may not write, and why: a reader there, or the role not yet known. */
export interface WriteLock {
  group: string;
  role: 'reader' | 'unknown';
}

/** The state of a page that has loaded nothing yet. */
export const initialState: AppState = {
  library: { status: 'loading', sources: [] },
  open: null,
  annotations: new Map(),
  tags: [],
  search: { query: '', results: null, matches: null, progress: null },
  dialogs: { modal: null, note: null },
  reader: { fontSize: FONT_SIZE.default, offset: null },
  side: { tab: 'annotations', activeId: null },
  filters: { scope: 'source', tagId: '', color: '', text: '', author: '' },
  history: { undo: null, redo: null },
  layout: { collapsed: { library: false, side: false }, width: 1400 },
  find: { open: false, query: '' },
  places: new Map(),
  pages: { shown: false, pdf: { status: 'unknown' }, page: 0, following: true, zoom: 1 },
  importing: null,
  writeLock: null,
};
