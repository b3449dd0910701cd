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

/** What the result list can ask of the search box: open a hit, run another query, show more hits, take the focus back. */
export interface ResultActions {
  open(hit: SearchHit): void;
  search(query: string): void;
  more(): void;
  backToQuery(): void;
}

/** How many hits each "Show more" adds (and the first answer holds). */
export const RESULTS_PAGE = 200;

function summaryText(results: SearchResults): string {
  if (results.total === 0) return 'Nothing found.';
  const found = `${results.total.toLocaleString('en')} passage${results.total === 1 ? '' : 's'} found`;
  return results.hits.length < results.total ? `${found} (the first ${results.hits.length.toLocaleString('en')} shown).` : `${found}.`;
}

function moreLabel(left: number): string {
  return left <= RESULTS_PAGE ? `Show the last ${left.toLocaleString('en')}` : `Show ${RESULTS_PAGE} more (${left.toLocaleString('en')} not shown yet)`;
}

/**
 * The results of a search: a note while the index is still loading, the notes about the query
 * (parts ignored, wildcards cut short, sources that could not be searched), the count, spellings
 * to try when nothing matched, then the hits grouped by source in order of each source's best
 * hit, each with its excerpt and page (or section) and, for an annotation, its tags. A long answer
 * comes a page at a time: a button after the list shows the next. Arrow keys move between
 * results (and on to that button), Home and End to the first and the last; Enter opens one.
 */
export class SearchResultsView {
  readonly element: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #more: HTMLButtonElement;
  readonly #actions: ResultActions;
  #shown = 0;
  #left = 0;
  #lastGroup: { sourceId: string; list: HTMLElement } | null = null;

  constructor(results: SearchResults, actions: ResultActions) {
    this.#actions = actions;
    const panel = el('section', 'search-results', undefined, { 'aria-label': 'Search results' });
    this.element = panel;
    if (results.loading) panel.append(el('p', 'search-loading', results.loading.message));
    if (results.message) panel.append(el('p', 'search-note', results.message));
    this.#summary = el('p', 'status');
    panel.append(this.#summary);
    if (results.suggestions && results.suggestions.length > 0) panel.append(suggestionLine(results.suggestions, actions.search));
    this.#more = el('button', 'show-more', undefined, { type: 'button' });
    this.#more.addEventListener('click', () => {
      // Asked once: a second press while the page comes would skip the same hits twice.
      if (this.#more.getAttribute('aria-busy') === 'true') return;
      this.#more.setAttribute('aria-busy', 'true');
      this.#more.textContent = 'Finding more…';
      actions.more();
    });
    panel.append(this.#more);
    this.show(results);
    panel.addEventListener('keydown', (event) => this.#move(event));
  }

  /**
   * Shows `results`, whose first hits are those already shown: the others are added after them,
   * and the focus, if it was on the button that asked for them, goes to the first one added.
   */
  show(results: SearchResults): void {
    const added = results.hits.slice(this.#shown);
    const asked = document.activeElement === this.#more;
    let first: HTMLButtonElement | null = null;
    const groups: HTMLElement[] = [];
    // The engine ranks hits of different sources in turn: a page's hits are grouped by source, in
    // the order of each source's best hit, so that a source is named once on it (a page's first
    // group joins the last one shown when it is the same source's).
    const bySource = new Map<string, SearchHit[]>();
    for (const hit of added) bySource.set(hit.sourceId, [...(bySource.get(hit.sourceId) ?? []), hit]);
    for (const [sourceId, hits] of bySource) {
      const head = hits[0] as SearchHit;
      if (this.#lastGroup?.sourceId !== sourceId) {
        const group = el('div', 'result-group');
        group.append(el('h3', 'result-source', head.sourceMissing ? `${head.sourceTitle} (no longer in the corpus)` : head.sourceTitle));
        const list = el('ul', 'result-list');
        group.append(list);
        groups.push(group);
        this.#lastGroup = { sourceId, list };
      }
      for (const hit of hits) {
        const item = el('li');
        const button = this.#hitButton(hit);
        first ??= button;
        item.append(button);
        this.#lastGroup.list.append(item);
      }
    }
    this.#more.before(...groups);
    this.#shown = results.hits.length;
    this.#summary.textContent = summaryText(results);
    const left = results.total - results.hits.length;
    this.#left = left;
    // While the index loads, the complete answer replaces this one: more of it would not follow on.
    this.#more.hidden = left <= 0 || results.loading !== undefined;
    this.#more.removeAttribute('aria-busy');
    this.#more.textContent = moreLabel(left);
    if (asked) (first ?? this.#last())?.focus();
  }

  /**
   * Puts the focus on the hit with this ref, or, when it is no longer among them, on the first
   * hit (else back in the search box): for a list drawn anew while the user was in the old one.
   */
  focusHit(ref: string): void {
    const hits = [...this.element.querySelectorAll<HTMLButtonElement>('button.result')];
    const target = hits.find((hit) => hit.dataset.ref === ref) ?? hits[0];
    if (target) target.focus();
    else this.#actions.backToQuery();
  }

  /** Gives the button back if the next page could not be had. */
  failed(): void {
    this.#more.removeAttribute('aria-busy');
    this.#more.textContent = moreLabel(this.#left);
  }

  #hitButton(hit: SearchHit): HTMLButtonElement {
    const button = el('button', 'result', undefined, { type: 'button', 'data-ref': hit.ref });
    const where = [hit.kind === 'annotation' ? 'Annotation' : null, hit.page ?? hit.section].filter(Boolean).join(' · ');
    if (where) button.append(el('span', 'result-place', where));
    button.append(markedSnippet(hit.snippet));
    if (hit.tags && hit.tags.length > 0) button.append(el('span', 'result-tags', `Tags: ${hit.tags.join(', ')}`));
    // The quotation shown is what was highlighted; the source's text may read otherwise now.
    if (hit.anchor) button.append(el('span', 'result-anchor', hit.anchor === 'moved' ? 'Wording changed: the source no longer reads as quoted' : 'No longer found in the source'));
    button.addEventListener('click', () => this.#actions.open(hit));
    return button;
  }

  #last(): HTMLButtonElement | null {
    return this.#lastGroup?.list.lastElementChild?.querySelector('button.result') ?? null;
  }

  // The hits and, after them, the button that shows more are one column for the arrows.
  #move(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const stops = [...this.element.querySelectorAll<HTMLButtonElement>('button.result, button.show-more')].filter((stop) => !stop.hidden);
    const index = stops.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: stops.length - 1 }[event.key];
    if (to === undefined) return;
    const next = stops[to];
    if (next) {
      event.preventDefault();
      next.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.#actions.backToQuery();
    }
  }
}
