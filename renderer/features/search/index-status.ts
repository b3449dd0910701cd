import type { SearchProgress, SearchSegment } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { el } from '../../dom.ts';

const count = (n: number) => n.toLocaleString('en');

/** What the index is doing, in words, or null when it is idle (nothing to show). */
export function progressSummary(progress: SearchProgress): string | null {
  const searchable = progress.searchable === undefined || progress.sources === undefined ? '' : `${count(progress.searchable)} of ${count(progress.sources)} sources searchable`;
  switch (progress.phase) {
    case 'loading':
      return `Loading the search index: ${searchable || 'starting'}`;
    case 'indexing':
      return `Indexing sources: ${count(progress.done)} of ${count(progress.total)} done${searchable ? ` (${searchable})` : ''}`;
    case 'merging':
      return `Tidying the search index${searchable ? ` (${searchable})` : ''}`;
    case 'idle':
      return null;
    default:
      // A build reported by its count alone.
      return progress.total > 0 && progress.done < progress.total ? `Indexing sources: ${count(progress.done)} of ${count(progress.total)} done` : null;
  }
}

/** A size in bytes as people read it: "840 KB", "3.2 MB". */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${count(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** One segment in words: what it holds, its passages, those masked, its size. */
export function segmentLine(segment: SearchSegment): string {
  const holds = segment.kind === 'annotations' ? 'Annotations' : plural(segment.sources, 'source', 'sources');
  const masked = segment.masked > 0 ? `, ${count(segment.masked)} masked` : '';
  return `${holds}, ${plural(segment.documents, 'passage', 'passages')}${masked} · ${sizeLabel(segment.bytes)}`;
}

/** The index's segments, one line each, after a line saying what masked means. */
function segmentList(segments: readonly SearchSegment[]): HTMLElement[] {
  const about = el('p', 'index-segments-about', `${plural(segments.length, 'segment', 'segments')}; masked passages belong to edited or removed sources and go when segments merge.`);
  const list = el('ol', 'index-segment-list', undefined, { 'aria-label': 'Segments of the search index' });
  for (const segment of segments) list.append(el('li', '', segmentLine(segment)));
  return [about, list];
}

/**
 * Mounts the index's progress under the search box while it loads, builds or merges (what is
 * searchable of the library, the phase, and its segments on demand), and the quiet notice that
 * the index could not be saved on the disk. The app stays usable meanwhile: this only shows.
 */
export function mountIndexStatus(ctx: Context): void {
  const { store } = ctx;
  const box = ctx.part('.index-status');
  const bar = ctx.part<HTMLProgressElement>('.index-progress');
  const summary = ctx.part('.index-summary');
  const segments = ctx.part('.index-segments');
  const warning = ctx.part('.index-warning');

  store.watch(
    (state) => state.search.progress,
    (progress) => {
      const text = progress ? progressSummary(progress) : null;
      box.hidden = text === null;
      if (!progress || text === null) return;
      summary.textContent = text;
      if (progress.phase === 'merging') bar.removeAttribute('value');
      else {
        const loading = progress.phase === 'loading' && progress.sources !== undefined;
        bar.max = Math.max(1, loading ? progress.sources! : progress.total);
        bar.value = loading ? (progress.searchable ?? 0) : progress.done;
      }
      bar.setAttribute('aria-label', text);
      segments.replaceChildren(...(progress.segments && progress.segments.length > 0 ? segmentList(progress.segments) : [el('p', '', 'No segment is loaded yet.')]));
    },
  );
  store.watch(
    (state) => [state.search.progress?.warning, state.search.results?.warning] as const,
    ([fromProgress, fromResults]) => {
      const text = fromProgress ?? fromResults;
      warning.hidden = text === undefined;
      warning.textContent = text ?? '';
    },
  );
}
