import type { TagSummary } from '../../../core/api.ts';
import { COLORS } from '../../../core/annotate/palette.ts';
import { debounce, el } from '../../dom.ts';
import { MINE, type AnnotationFilters } from '../../state/app-state.ts';

type Options = readonly (readonly [string, string])[];

const SCOPES: Options = [
  ['source', 'This source'],
  ['corpus', 'All sources'],
];
const COLOR_OPTIONS: Options = [['', 'Any colour'], ...COLORS.map((c) => [c, c] as const)];

/**
 * The filters above the annotations list: scope, tag, colour, author (once another member's
 * highlights are there) and text. Built once, updated in place.
 */
export class FilterBar {
  readonly element = el('div', 'filter-bar');
  readonly #scope: HTMLSelectElement;
  readonly #tag: HTMLSelectElement;
  readonly #color: HTMLSelectElement;
  readonly #author: HTMLSelectElement;
  #authors = '';
  readonly #text = el('input', 'filter-text', undefined, { type: 'search', placeholder: 'Filter quotes and notes', 'aria-label': 'Filter quotes and notes' });
  #filters: AnnotationFilters | null = null;
  #tags: readonly TagSummary[] | null = null;

  constructor(change: (filters: AnnotationFilters) => void) {
    const changed = () =>
      change({ scope: this.#scope.value === 'corpus' ? 'corpus' : 'source', tagId: this.#tag.value, color: this.#color.value, text: this.#text.value, author: this.#author.value });
    this.#scope = this.#select('Show', changed);
    this.#tag = this.#select('Tag', changed);
    this.#color = this.#select('Colour', changed);
    this.#author = this.#select('Author', changed);
    this.#author.parentElement!.hidden = true;
    setOptions(this.#scope, SCOPES);
    setOptions(this.#color, COLOR_OPTIONS);
    // The list follows the text as it is typed, after a short pause.
    const typed = debounce(changed, 200);
    this.#text.addEventListener('input', () => typed());
    this.#text.addEventListener('change', () => typed.flush());
    this.element.append(this.#text);
  }

  /** Shows these filters, with a tag list of these tags and an author list of these other members. */
  render(tags: readonly TagSummary[], filters: AnnotationFilters, authors: readonly string[] = []): void {
    // The filter by author appears once another member's highlights are there (or one is chosen).
    const names = filters.author && filters.author !== MINE && !authors.includes(filters.author) ? [...authors, filters.author] : authors;
    if (names.join('\n') !== this.#authors) {
      this.#authors = names.join('\n');
      setOptions(this.#author, [['', 'Anyone'], [MINE, 'Mine'], ...names.map((name) => [name, name] as const)]);
      this.#author.value = filters.author;
      this.#author.parentElement!.hidden = names.length === 0;
    }
    if (tags !== this.#tags) {
      this.#tags = tags;
      setOptions(this.#tag, [['', 'Any tag'], ...tags.map((t) => [t.id, t.name] as const)]);
      this.#tag.value = filters.tagId;
    }
    if (filters === this.#filters) return;
    this.#filters = filters;
    this.#scope.value = filters.scope;
    this.#tag.value = filters.tagId;
    this.#color.value = filters.color;
    this.#author.value = filters.author;
    if (this.#text.value !== filters.text) this.#text.value = filters.text;
  }

  #select(label: string, onChange: () => void): HTMLSelectElement {
    const wrapper = el('label', 'filter');
    const node = el('select', '', undefined, { 'aria-label': label });
    node.addEventListener('change', onChange);
    wrapper.append(el('span', 'visually-hidden', label), node);
    this.element.append(wrapper);
    return node;
  }
}

function setOptions(select: HTMLSelectElement, options: Options): void {
  select.replaceChildren(...options.map(([value, text]) => el('option', '', text, { value })));
}
