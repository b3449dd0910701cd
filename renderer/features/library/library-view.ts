import type { SourceSummary } from '../../../core/api.ts';
import type { Reliability } from '../../../core/corpus/model.ts';
import { el } from '../../dom.ts';
import { KeyedList } from '../../ui/keyed-list.ts';
import { fieldLabel } from '../transfer/metadata-dialog.ts';

const RELIABILITY_LABELS: Record<Reliability, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
  derivative: 'Derivative',
};

/** What the library list asks of the app. */
export interface LibraryActions {
  open(id: string): void;
  edit(id: string): void;
}

/**
 * The library list: author, short title, year, reliability, and what a derivative derives from.
 * Each source is a button, so the list works from the keyboard (the arrows, Home and End move
 * from source to source); a source whose details changed is redrawn in place, so the button the
 * user is on keeps the focus.
 */
export class LibraryView {
  readonly #list: KeyedList<SourceSummary>;
  readonly #element: HTMLElement;
  #readOnly: string | null = null;
  readonly #parts = new WeakMap<HTMLElement, { choose: HTMLButtonElement; details: HTMLButtonElement; shown: string }>();

  constructor(list: HTMLElement, actions: LibraryActions) {
    this.#element = list;
    this.#list = new KeyedList(
      list,
      (source) => source.id,
      (source) => this.#item(source, actions),
      (node, source) => this.#fill(node, source),
    );
    list.addEventListener('keydown', (event) => this.#move(event));
  }

  // The arrows go from source to source, Home and End to the first and the last, as in the search
  // results and the contents: each source has two buttons, so Tab alone takes two presses a source.
  #move(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const buttons = [...this.#element.querySelectorAll<HTMLButtonElement>('.source-open')];
    const here = buttons.findIndex((choose) => choose.parentElement?.contains(document.activeElement));
    if (here < 0) return;
    const to = { ArrowDown: here + 1, ArrowUp: here - 1, Home: 0, End: buttons.length - 1 }[event.key];
    const target = to === undefined ? undefined : buttons[to];
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  /** Shows these sources, in this order. */
  render(sources: readonly SourceSummary[]): void {
    this.#list.render(sources);
  }

  /** Turns the Details… buttons off, each saying why (a group's reader), or on again (null). */
  setReadOnly(reason: string | null): void {
    this.#readOnly = reason;
    for (const details of this.#element.querySelectorAll<HTMLButtonElement>('.source-edit')) this.#applyReadOnly(details);
  }

  #applyReadOnly(details: HTMLButtonElement): void {
    details.disabled = this.#readOnly !== null;
    details.title = this.#readOnly ?? details.getAttribute('aria-label') ?? '';
  }

  /** Marks the source open in the reader. */
  markCurrent(id: string | null, previous: string | null): void {
    if (previous) this.#list.get(previous)?.classList.remove('current');
    if (id) this.#list.get(id)?.classList.add('current');
  }

  #item(source: SourceSummary, actions: LibraryActions): HTMLElement {
    const item = el('li', 'source');
    item.dataset.sourceId = source.id;
    const choose = el('button', 'source-open', undefined, { type: 'button' });
    choose.addEventListener('click', () => actions.open(source.id));
    const details = el('button', 'source-edit', 'Details…', { type: 'button' });
    details.addEventListener('click', () => actions.edit(source.id));
    item.append(choose, details);
    this.#parts.set(item, { choose, details, shown: '' });
    this.#fill(item, source);
    return item;
  }

  // Redraws the item's text only when the summary changed.
  #fill(item: HTMLElement, source: SourceSummary): void {
    const parts = this.#parts.get(item);
    const shown = JSON.stringify(source);
    if (!parts || parts.shown === shown) return;
    parts.shown = shown;
    const { choose, details } = parts;
    choose.title = source.title;
    item.classList.toggle('unreadable', source.problem !== undefined);
    details.hidden = source.problem !== undefined;
    if (source.problem) {
      // Listed, never hidden: the user learns what is wrong with the file and how to repair it.
      choose.replaceChildren(
        el('span', 'source-title', source.shortTitle),
        el('span', 'badge badge-problem', 'Cannot be read'),
        el('span', 'source-problem', source.problem.reason),
        el('span', 'source-repair', source.problem.repair),
      );
      return;
    }
    choose.replaceChildren(
      el('span', 'source-title', source.shortTitle),
      el('span', 'source-byline', [source.authors, source.year ?? 'n.d.'].filter(Boolean).join(', ')),
      el('span', `badge badge-${source.reliability}`, RELIABILITY_LABELS[source.reliability]),
    );
    if (source.derivativeOf) {
      const relation = source.derivativeOf.derivation ?? 'derived from';
      choose.append(el('span', 'source-derivation', `${capitalize(relation)} ${source.derivativeOf.title}`));
    }
    if (source.missing.length > 0) {
      choose.append(el('span', 'badge badge-missing', 'Details missing', { title: `Chicago needs: ${source.missing.map(fieldLabel).join(', ')}` }));
    }
    details.setAttribute('aria-label', `Edit the details of ${source.shortTitle}`);
    this.#applyReadOnly(details);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
