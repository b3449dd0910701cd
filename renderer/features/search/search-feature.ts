import type { SearchHit } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { debounce, isTyping } from '../../dom.ts';
import type { TextRange } from '../../state/app-state.ts';
import { hitMatches } from './hit-matches.ts';
import { searchResults } from './search-results.ts';

/** What search needs from its neighbours. */
export interface SearchDeps {
  open(id: string, at?: TextRange): Promise<boolean>;
  activate(annotationId: string): void;
}

/**
 * Mounts the search box, its results in the library's place, the match navigation in the reader's
 * toolbar (F3 and Shift+F3) and the index progress bar.
 */
export function mountSearch(ctx: Context, deps: SearchDeps): void {
  const { store, calls } = ctx;
  const input = ctx.part<HTMLInputElement>('.search-input');
  const area = ctx.part('.search-area');
  const nav = ctx.part('.match-nav');
  const bar = ctx.part<HTMLProgressElement>('.index-progress');

  const run = debounce(async (query: string) => {
    if (query.trim() === '') return;
    const results = await calls.call('search.query', { query, limit: 200 });
    if (results) store.dispatch({ type: 'search/answered', query, results });
  }, 250);
  const typed = (query: string) => {
    store.dispatch({ type: 'search/typed', query });
    run(query);
  };
  const firstResult = () => area.querySelector<HTMLButtonElement>('button.result')?.focus();
  input.addEventListener('input', () => typed(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      run.flush();
      firstResult();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      firstResult();
    } else if (event.key === 'Escape') {
      input.value = '';
      typed('');
      run.cancel();
    }
  });

  const openHit = async (hit: SearchHit) => {
    const results = store.state.search.results;
    if (!results) return;
    if (store.state.open?.source.id !== hit.sourceId) await deps.open(hit.sourceId, hit.ranges[0]);
    store.dispatch({ type: 'search/matched', matches: hitMatches(results, hit) });
    if (hit.annotationId) deps.activate(hit.annotationId);
  };
  const step = (direction: 1 | -1) => {
    const { search, open } = store.state;
    if (search.matches && search.matches.sourceId === open?.source.id) store.dispatch({ type: 'search/stepped', direction });
  };
  ctx.part('[data-action="next-match"]').addEventListener('click', () => step(1));
  ctx.part('[data-action="prev-match"]').addEventListener('click', () => step(-1));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'F3' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  });

  store.watch(
    (state) => state.search.results,
    (results) => {
      area.hidden = results === null;
      area.replaceChildren(...(results ? [searchResults(results, (hit) => void openHit(hit))] : []));
    },
  );
  store.watch(
    (state) => [state.search.matches, state.open?.source.id, state.find.open] as const,
    ([matches, openId, finding]) => {
      // Find in this source counts its own matches in its bar.
      nav.hidden = finding || !matches || matches.sourceId !== openId || matches.ranges.length === 0;
      if (matches && !nav.hidden) ctx.part('.match-count').textContent = `${matches.current + 1} of ${matches.ranges.length}`;
    },
  );
  store.watch(
    (state) => state.search.progress,
    (progress) => {
      bar.hidden = !progress || progress.total === 0 || progress.done >= progress.total;
      bar.max = Math.max(1, progress?.total ?? 1);
      bar.value = progress?.done ?? 0;
    },
  );
}
