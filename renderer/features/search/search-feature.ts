import type { SearchHit } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import { debounce, isTyping } from '../../dom.ts';
import type { TextRange } from '../../state/app-state.ts';
import { hitMatches } from './hit-matches.ts';
import { mountIndexStatus } from './index-status.ts';
import { RESULTS_PAGE, SearchResultsView } from './search-results.ts';

/** What search needs from its neighbours. */
export interface SearchDeps {
  open(id: string, at?: TextRange): Promise<boolean>;
  activate(annotationId: string): void;
}

/**
 * Mounts the search box, its results in the library's place, the match navigation in the reader's
 * toolbar (F3 and Shift+F3) and the index's progress. While the index is still loading or being
 * built, queries are answered at once from what is searchable (the results say so), and the
 * complete answer replaces them once it is done.
 */
export function mountSearch(ctx: Context, deps: SearchDeps): void {
  const { store, calls } = ctx;
  const input = ctx.part<HTMLInputElement>('.search-input');
  const area = ctx.part('.search-area');
  const nav = ctx.part('.match-nav');

  // While the index is known to be loading or building, a query is answered at once from what is
  // searchable (the answer says so), then asked again to wait for the complete answer. Without
  // word of the index (no progress heard yet), a query waits for it, as it always could.
  const busy = () => {
    const phase = store.state.search.progress?.phase;
    return phase !== undefined && phase !== 'idle';
  };
  const ask = async (query: string, partial = busy()): Promise<void> => {
    if (query.trim() === '') return;
    const results = await calls.call('search.query', { query, limit: RESULTS_PAGE, ...(partial ? { partial } : {}) });
    if (!results) return;
    store.dispatch({ type: 'search/answered', query, results });
    // Dropped by the reducer if the user has typed another query meanwhile.
    if (results.loading) await ask(query, false);
  };
  const run = debounce((query: string) => void ask(query), 250);
  const typed = (query: string) => {
    store.dispatch({ type: 'search/typed', query });
    run(query);
  };
  const searchFor = (query: string) => {
    input.value = query;
    typed(query);
    run.flush();
    input.focus();
  };
  // The first result, or, when nothing matched, the first spelling suggested instead.
  const firstResult = () => area.querySelector<HTMLButtonElement>('button.result, button.search-suggestion')?.focus();
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

  // The next page of the answer shown, after the hits already shown.
  const more = async () => {
    const { query, results } = store.state.search;
    if (!results) return;
    const page = await calls.call('search.query', { query, limit: RESULTS_PAGE, offset: results.hits.length });
    if (page) store.dispatch({ type: 'search/more', query, results: page });
    else view?.failed();
  };
  const actions = { open: (hit: SearchHit) => void openHit(hit), search: searchFor, more: () => void more(), backToQuery: () => input.focus() };
  let view: SearchResultsView | null = null;
  store.watch(
    (state) => state.search.results,
    (results, previous) => {
      area.hidden = results === null;
      // More of the same answer is added to the list, which keeps its focus and scroll position;
      // drawing every hit again at each page would slow down as the list grows.
      if (view && results && previous && previous.hits.length > 0 && results.hits.length >= previous.hits.length && previous.hits.every((hit, i) => results.hits[i] === hit)) {
        view.show(results);
        return;
      }
      // The complete answer replacing a partial one (while the index loads) would take the focus
      // of the user moving through the hits with it, to the page: it stays on the same hit.
      const active = document.activeElement;
      const inList = view !== null && active instanceof HTMLElement && view.element.contains(active);
      view = results ? new SearchResultsView(results, actions) : null;
      area.replaceChildren(...(view ? [view.element] : []));
      if (inList && view) view.focusHit(active.dataset.ref ?? '');
      else if (inList) input.focus();
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
  mountIndexStatus(ctx);
}
