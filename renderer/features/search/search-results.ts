import type { SearchHit, SearchResults } from '../../../core/api.ts';
import { el } from '../../dom.ts';

/** Renders an excerpt with its matched terms in <mark>. */
function markedSnippet(snippet: SearchHit['snippet']): HTMLElement {
  const node = el('span', 'result-snippet');
  let at = 0;
  for (const mark of [...snippet.marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    node.append(snippet.text.slice(at, mark.start), el('mark', '', snippet.text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  node.append(snippet.text.slice(at));
  return node;
}

/** "Did you mean Khrushchev?": each suggested query a button that runs it. */
function suggestionLine(suggestions: readonly string[], search: (query: string) => void): HTMLElement {
  const line = el('p', 'search-suggestions', 'Did you mean ');
  suggestions.forEach((suggestion, index) => {
    if (index > 0) line.append(index === suggestions.length - 1 ? ' or ' : ', ');
    const link = el('button', 'search-suggestion', suggestion, { type: 'button', title: `Search for “${suggestion}”` });
    link.addEventListener('click', () => search(suggestion));
    line.append(link);
  });
  line.append('?');
  return line;
}

/** What the result list can ask of the search box: open a hit, run another query. */
export interface ResultActions {
  open(hit: SearchHit): void;
  search(query: string): void;
}

/**
 * The results of a search: a note while the index is still loading, the notes about the query
 * (parts ignored, wildcards cut short, sources that could not be searched), the count, spellings
 * to try when nothing matched, then the hits grouped by source in order of each source's best
 * hit, each with its excerpt and page (or section) and, for an annotation, its tags. Arrow keys
 * move between results; Enter opens one.
 */
export function searchResults(results: SearchResults, actions: ResultActions): HTMLElement {
  const panel = el('section', 'search-results', undefined, { 'aria-label': 'Search results' });
  if (results.loading) panel.append(el('p', 'search-loading', results.loading.message));
  if (results.message) panel.append(el('p', 'search-note', results.message));
  const summary = results.total === 0 ? 'Nothing found.' : `${results.total} passage${results.total === 1 ? '' : 's'} found${results.hits.length < results.total ? ` (the first ${results.hits.length} shown)` : ''}.`;
  panel.append(el('p', 'status', summary));
  if (results.suggestions && results.suggestions.length > 0) panel.append(suggestionLine(results.suggestions, actions.search));
  const groups = new Map<string, SearchHit[]>();
  for (const hit of results.hits) groups.set(hit.sourceId, [...(groups.get(hit.sourceId) ?? []), hit]);
  for (const hits of groups.values()) {
    const group = el('div', 'result-group');
    group.append(el('h3', 'result-source', hits[0]!.sourceMissing ? `${hits[0]!.sourceTitle} (no longer in the corpus)` : hits[0]!.sourceTitle));
    const list = el('ul', 'result-list');
    for (const hit of hits) {
      const item = el('li');
      const button = el('button', 'result', undefined, { type: 'button', 'data-ref': hit.ref });
      const where = [hit.kind === 'annotation' ? 'Annotation' : null, hit.page ?? hit.section].filter(Boolean).join(' · ');
      if (where) button.append(el('span', 'result-place', where));
      button.append(markedSnippet(hit.snippet));
      if (hit.tags && hit.tags.length > 0) button.append(el('span', 'result-tags', `Tags: ${hit.tags.join(', ')}`));
      // The quotation shown is what was highlighted; the source's text may read otherwise now.
      if (hit.anchor) button.append(el('span', 'result-anchor', hit.anchor === 'moved' ? 'Wording changed: the source no longer reads as quoted' : 'No longer found in the source'));
      button.addEventListener('click', () => actions.open(hit));
      item.append(button);
      list.append(item);
    }
    group.append(list);
    panel.append(group);
  }
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('button.result')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    } else if (event.key === 'ArrowUp' && index === 0) {
      event.preventDefault();
      panel.parentElement?.querySelector<HTMLInputElement>('.search-input')?.focus();
    }
  });
  return panel;
}
