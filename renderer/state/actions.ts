import type { HistoryLabels, ImportProgress, SearchProgress, SearchResults, SourcePdfInfo, SourceSummary, TagSummary } from '../../core/api.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import type { Source } from '../../core/corpus/model.ts';
import type { AnnotationFilters, ModalKind, SearchMatches, SideTab, WriteLock } from './app-state.ts';
import type { Panel } from '../features/layout/panels.ts';

/** Everything that can change the app state: the store's only input. */
export type Action =
  | { type: 'library/loading' }
  | { type: 'library/loaded'; sources: readonly SourceSummary[] }
  | { type: 'library/failed' }
  | { type: 'source/opened'; source: Source; annotations: readonly Annotation[]; offset: number | null }
  | { type: 'source/closed' }
  /** Annotations fresh from main: one source's (replacing what was known of it), or the whole corpus's (`sourceId` null). */
  | { type: 'annotations/loaded'; sourceId: string | null; annotations: readonly Annotation[] }
  | { type: 'annotation/saved'; annotation: Annotation }
  | { type: 'annotation/removed'; id: string }
  | { type: 'annotation/activated'; id: string | null }
  | { type: 'tags/loaded'; tags: readonly TagSummary[] }
  | { type: 'side/shown'; tab: SideTab }
  | { type: 'filters/changed'; filters: AnnotationFilters }
  | { type: 'search/typed'; query: string }
  | { type: 'search/answered'; query: string; results: SearchResults }
  | { type: 'search/more'; query: string; results: SearchResults }
  | { type: 'search/matched'; matches: SearchMatches }
  | { type: 'search/stepped'; direction: 1 | -1 }
  | { type: 'search/progress'; progress: SearchProgress }
  | { type: 'reader/resized'; fontSize: number }
  | { type: 'reader/scrolled'; offset: number }
  | { type: 'dialog/opened'; modal: ModalKind }
  | { type: 'dialog/closed' }
  | { type: 'note/shown'; label: string | null }
  | { type: 'history/changed'; labels: HistoryLabels }
  | { type: 'layout/resized'; width: number }
  /** The user showed or hid a panel (a toggle button or its shortcut). */
  | { type: 'panel/toggled'; panel: Panel; reading: boolean }
  /** The panels as the user left them last time. */
  | { type: 'panels/restored'; collapsed: { library: boolean; side: boolean } }
  | { type: 'find/opened' }
  | { type: 'find/typed'; query: string }
  /** The matches of find in the open source (shown and stepped through as a search's are). */
  | { type: 'find/matched'; matches: SearchMatches }
  | { type: 'find/closed' }
  | { type: 'places/loaded'; places: Readonly<Record<string, string>> }
  | { type: 'pages/toggled'; shown: boolean }
  /** What main said of the open source's PDF: none (null), or what it is. */
  | { type: 'pages/found'; sourceId: string; info: SourcePdfInfo | null }
  | { type: 'pages/loading'; sourceId: string }
  /** The PDF is ready, to be shown at `page` (the one the reader is at). */
  | { type: 'pages/loaded'; sourceId: string; pageCount: number; page: number }
  | { type: 'pages/failed'; sourceId: string; message: string }
  /** The page to show: `follow` when it follows the reader, false when the user turned to it. */
  | { type: 'pages/turned'; page: number; follow: boolean }
  | { type: 'pages/zoomed'; zoom: number }
  | { type: 'import/progress'; progress: ImportProgress | null }
  /** The user's role in the group as main last said: a reader, not yet known, or free to write (null). */
  | { type: 'share/writeLock'; lock: WriteLock | null };
