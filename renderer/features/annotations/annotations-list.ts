import { authorLabel } from './author-label.ts';
import type { SourceSummary, TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { trimmedQuote } from '../../../core/annotate/omissions.ts';
import { button, el } from '../../dom.ts';
import type { AnnotationFilters } from '../../state/app-state.ts';
import { memoize } from '../../state/memo.ts';
import { KeyedList } from '../../ui/keyed-list.ts';
import { noteToDom } from '../../ui/markdown-note.ts';
import { FilterBar } from './filter-bar.ts';
import { filterAnnotations } from './filter-annotations.ts';

/** What the list asks of the app. */
export interface AnnotationsListActions {
  changeFilters(filters: AnnotationFilters): void;
  export(): void;
  open(annotation: Annotation): void;
  reattach(annotation: Annotation): void;
  delete(annotation: Annotation): void;
}

/** What the list shows: the annotations in scope (before filtering) and what they refer to. */
export interface AnnotationsListData {
  annotations: readonly Annotation[];
  tags: readonly TagSummary[];
  sources: readonly SourceSummary[];
  filters: AnnotationFilters;
  /** Other members whose highlights are in the project, by name. */
  authors: readonly string[];
  /** Whether a source is open in the reader (the list of "this source" is empty without one). */
  sourceOpen: boolean;
  /** Where an annotation lies ("p. 380", "p. 382 n. 12"), when known. */
  placeOf(annotation: Annotation): string | null;
}

interface Row {
  annotation: Annotation;
  /** Everything the row shows besides the annotation, so an unchanged row is left alone. */
  meta: string;
  /** Where it lies in its source ("p. 380"), when known. */
  place: string | null;
}

/**
 * The annotations list: filters, the anchored and moved annotations (the arrows, Home and End
 * move among them), then the orphans apart.
 * Rows are kept by annotation id and redrawn only when what they show changed, so the row the
 * user is on keeps focus and the list keeps its scroll position.
 */
export class AnnotationsList {
  readonly element: HTMLElement;
  readonly #filters: FilterBar;
  readonly #found: KeyedList<Row>;
  readonly #orphans: KeyedList<Row>;
  readonly #foundList = el('ul', 'annotation-list');
  readonly #orphanList = el('ul', 'annotation-list orphans');
  readonly #empty = el('p', 'status');
  readonly #showAll: HTMLButtonElement;
  readonly #orphanHeading = el('h3', 'panel-subheading');
  readonly #shown = new WeakMap<HTMLElement, Row>();
  readonly #orphanParts = new WeakMap<HTMLElement, { quote: HTMLElement; note: HTMLElement }>();
  readonly #names = memoize((tags: readonly TagSummary[]) => new Map(tags.map((t) => [t.id, t.name])));
  readonly #titles = memoize((sources: readonly SourceSummary[]) => new Map(sources.map((s) => [s.id, s.shortTitle])));
  #shownFilters: AnnotationFilters | null = null;
  #readOnly: string | null = null;

  constructor(actions: AnnotationsListActions) {
    this.element = el('section', 'annotations-panel', undefined, { 'aria-label': 'Annotations' });
    const header = el('div', 'editor-header');
    header.append(el('h2', 'panel-heading', 'Annotations'), button('Export…', actions.export, { title: 'Export annotated citations (Ctrl+E)' }));
    this.#filters = new FilterBar(actions.changeFilters);
    this.#found = new KeyedList(this.#foundList, (row) => row.annotation.id, (row) => this.#foundRow(row, actions), (node, row) => this.#fillFound(node, row));
    // With the last orphan gone (deleted, or re-attached into the list above), the focus goes to
    // the list's last highlight, else to the filters' text field.
    const afterOrphans = () => [...this.#foundList.querySelectorAll<HTMLElement>('.annotation-open')].at(-1) ?? this.#filters.element.querySelector<HTMLElement>('.filter-text');
    this.#orphans = new KeyedList(this.#orphanList, (row) => row.annotation.id, (row) => this.#orphanRow(row, actions), (node, row) => this.#fillOrphan(node, row), afterOrphans);
    this.#showAll = button('Show the highlights of all sources', () => actions.changeFilters({ ...this.#shownFilters!, scope: 'corpus' }));
    this.element.append(header, this.#filters.element, this.#foundList, this.#empty, this.#showAll, this.#orphanHeading, this.#orphanList);
    this.#foundList.addEventListener('keydown', (event) => this.#move(event));
  }

  // The arrows go from highlight to highlight, Home and End to the first and the last, as in the
  // library and the search results: with every source's highlights listed, Tab alone took a
  // press a highlight to reach the last.
  #move(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const rows = [...this.#foundList.querySelectorAll<HTMLButtonElement>('.annotation-open')];
    const here = rows.indexOf(document.activeElement as HTMLButtonElement);
    if (here < 0) return;
    const to = { ArrowDown: here + 1, ArrowUp: here - 1, Home: 0, End: rows.length - 1 }[event.key];
    const target = to === undefined ? undefined : rows[to];
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  /** Turns re-attaching and deleting orphans off, saying why in their title (`reason`), or on again (null). */
  setReadOnly(reason: string | null): void {
    this.#readOnly = reason;
    for (const control of this.#orphanList.querySelectorAll('button')) this.#applyReadOnly(control);
  }

  #applyReadOnly(control: HTMLButtonElement): void {
    control.disabled = this.#readOnly !== null;
    if (this.#readOnly !== null) control.title = this.#readOnly;
    else control.removeAttribute('title');
  }

  /** Shows the annotations that pass the filters. */
  render(data: AnnotationsListData): void {
    this.#filters.render(data.tags, data.filters, data.authors);
    this.#shownFilters = data.filters;
    const names = this.#names(data.tags);
    const titles = this.#titles(data.sources);
    const rows = filterAnnotations(data.annotations, data.tags, data.filters).map((annotation): Row => {
      const meta = [data.filters.scope === 'corpus' ? titles.get(annotation.sourceId) : null, ...annotation.tags.map((id) => names.get(id))].filter(Boolean);
      if (annotation.anchor === 'moved') meta.push('text changed');
      return { annotation, meta: meta.join(' · '), place: data.placeOf(annotation) };
    });
    const found = rows.filter((row) => row.annotation.anchor !== 'orphaned');
    const orphans = rows.filter((row) => row.annotation.anchor === 'orphaned');
    this.#found.render(found);
    this.#foundList.hidden = found.length === 0;
    this.#empty.hidden = found.length > 0;
    // Without an open source, "this source" has nothing to list: say so, rather than that there is nothing.
    const noSource = data.filters.scope === 'source' && !data.sourceOpen;
    this.#empty.textContent = noSource
      ? 'No source is open: choose one in the library to see its highlights, or show those of every source.'
      : data.annotations.length
        ? 'No annotation matches these filters.'
        : 'No annotations yet. Select text in the reader to highlight it.';
    this.#showAll.hidden = !noSource;
    this.#orphans.render(orphans);
    this.#orphanList.hidden = this.#orphanHeading.hidden = orphans.length === 0;
    this.#orphanHeading.textContent = `Not found in the current text (${orphans.length})`;
  }

  #foundRow(row: Row, actions: AnnotationsListActions): HTMLElement {
    const item = el('li', 'annotation-item');
    const open = el('button', 'annotation-open', undefined, { type: 'button', 'data-annotation-id': row.annotation.id });
    open.addEventListener('click', () => actions.open(this.#shown.get(item)!.annotation));
    item.append(open);
    this.#fillFound(item, row);
    return item;
  }

  #fillFound(item: HTMLElement, row: Row): void {
    if (!this.#changed(item, row)) return;
    const { annotation } = row;
    const open = item.firstElementChild!;
    open.className = `annotation-open hl-border-${annotation.color}`;
    open.replaceChildren();
    if (row.place) open.append(el('span', 'annotation-place', row.place));
    open.append(el('span', 'annotation-quote', excerpt(trimmedQuote(annotation.quote.exact, annotation.omissions), 160)));
    if (annotation.note) {
      const note = el('span', 'annotation-note');
      note.append(noteToDom(annotation.note, { phrasing: true }));
      open.append(note);
    }
    if (row.meta) open.append(el('span', 'annotation-meta', row.meta));
    if (annotation.author) open.append(authorLabel(annotation.author));
  }

  #orphanRow(row: Row, actions: AnnotationsListActions): HTMLElement {
    const item = el('li', 'annotation-item orphan', undefined, { 'data-annotation-id': row.annotation.id });
    const quote = el('span', 'annotation-quote');
    const note = el('span', 'annotation-note');
    const buttons = el('div', 'orphan-actions');
    const current = () => this.#shown.get(item)!.annotation;
    buttons.append(button('Re-attach to selection', () => actions.reattach(current())), button('Delete', () => actions.delete(current()), { className: 'danger' }));
    for (const control of buttons.querySelectorAll('button')) this.#applyReadOnly(control);
    item.append(quote, note, buttons);
    this.#orphanParts.set(item, { quote, note });
    this.#fillOrphan(item, row);
    return item;
  }

  #fillOrphan(item: HTMLElement, row: Row): void {
    if (!this.#changed(item, row)) return;
    const { annotation } = row;
    const { quote, note } = this.#orphanParts.get(item)!;
    quote.textContent = excerpt(trimmedQuote(annotation.quote.exact, annotation.omissions), 200);
    note.replaceChildren(noteToDom(annotation.note, { phrasing: true }));
    note.hidden = !annotation.note;
  }

  // Records what the row shows; false when it shows this already.
  #changed(item: HTMLElement, row: Row): boolean {
    const before = this.#shown.get(item);
    this.#shown.set(item, row);
    return !before || before.annotation !== row.annotation || before.meta !== row.meta || before.place !== row.place;
  }
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
