import type { CitationForm } from '../../../core/export/citation-form.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { on } from '../../bridge.ts';
import type { Context } from '../../context.ts';
import { button, el } from '../../dom.ts';
import { chooseAction, confirmAction, notify } from '../../ui/dialogs.ts';
import { KeyedList } from '../../ui/keyed-list.ts';
import { writeRefusal } from '../share/share-reducer.ts';
import { metadataDialog } from '../transfer/metadata-dialog.ts';

const FORMS: { label: string; value: CitationForm }[] = [
  { label: 'Full note', value: 'note' },
  { label: 'Short note', value: 'short' },
  { label: 'Bibliography entry', value: 'bibliography' },
];

/** The references without text, as the library panel lists them. */
export interface ReferencesSection {
  /** Reads the list again. */
  refresh(): Promise<void>;
}

/**
 * Lists the references without text (works cited but not held as text) in a collapsible section
 * under the library's sources: author, short title and year, each with Copy citation, Details…
 * and Remove. The list is read again whenever main says it changed, and whenever the library is.
 */
export function mountReferencesSection(ctx: Context): ReferencesSection {
  const { store, calls } = ctx;
  const section = el('details', 'references-section');
  const summary = el('summary', 'references-summary');
  const list = el('ul', 'reference-list', undefined, { 'aria-label': 'References without text' });
  section.append(summary, list);
  ctx.part('.source-list').after(section);
  let items: CslItem[] = [];

  const titleOf = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    return item ? shortTitle(item) : id;
  };

  const copy = async (id: string) => {
    const form = await ctx.modal('confirm', () => chooseAction(`Copy the citation of “${titleOf(id)}”`, 'Which form of the Chicago citation do you want?', FORMS));
    if (form === null) return;
    const citation = await calls.call('references.copyCitation', { id, form });
    if (citation) notify(`Citation copied: ${citation.text}`);
  };

  const details = async (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item) return;
    const saved = await ctx.modal('metadata', () =>
      metadataDialog(
        item,
        [],
        null,
        async (patch) => {
          const result = await calls.result('references.update', { id, patch });
          return result.ok ? null : result.error.message;
        },
        'Reference details',
      ),
    );
    if (saved) await refresh();
  };

  const remove = async (id: string) => {
    const title = titleOf(id);
    const sure = await ctx.modal('confirm', () =>
      confirmAction(`Remove the reference “${title}”?`, 'It will no longer be listed, cited, exported or sent to Zotero. Importing a reference file that holds it adds it again.', 'Remove'),
    );
    if (!sure) return;
    // Focus goes to the reference below (or above) the one removed, or to the sources when it was the last.
    const index = items.findIndex((entry) => entry.id === id);
    const removed = await calls.call('references.remove', { id });
    if (!removed) return;
    await refresh();
    const next = items[Math.min(index, items.length - 1)];
    (next ? view.get(next.id)?.querySelector('button') : ctx.root.querySelector<HTMLElement>('.source-open'))?.focus();
    notify(`Removed the reference “${title}”.`);
  };

  const view = new KeyedList<CslItem>(
    list,
    (item) => item.id,
    (item) => {
      const node = el('li', 'reference');
      node.dataset.referenceId = item.id;
      node.append(
        el('span', 'reference-title'),
        el('span', 'reference-byline'),
        button('Copy citation', () => void copy(item.id), { className: 'reference-copy' }),
        button('Details…', () => void details(item.id), { className: 'reference-details' }),
        button('Remove', () => void remove(item.id), { className: 'reference-remove' }),
      );
      fill(node, item);
      lock(node);
      return node;
    },
    (node, item) => fill(node, item),
  );
  // A group's reader changes no reference: Details… and Remove are off and say why.
  const lock = (node: HTMLElement) => {
    const refusal = writeRefusal(store.state, 'references');
    for (const control of node.querySelectorAll<HTMLButtonElement>('.reference-details, .reference-remove')) {
      control.disabled = refusal !== null;
      control.title = refusal ?? control.getAttribute('aria-label') ?? '';
    }
  };
  store.watch(
    (state) => writeRefusal(state, 'references'),
    () => {
      for (const node of list.querySelectorAll<HTMLElement>('.reference')) lock(node);
    },
  );

  // Reads are numbered so an answer that comes late never replaces a later one.
  let reads = 0;
  async function refresh(): Promise<void> {
    const read = ++reads;
    const answer = await calls.call('references.list');
    if (read !== reads || answer === null) return;
    items = answer;
    view.render(items);
    summary.textContent = `References without text (${items.length})`;
    section.hidden = items.length === 0 || store.state.search.results !== null;
  }

  on('references.changed', () => void refresh());
  store.watch(
    (state) => state.library,
    (library) => {
      if (library.status === 'ready') void refresh();
    },
  );
  // Search results take the library's place while the search box holds a query.
  store.watch(
    (state) => state.search.results !== null,
    (searching) => (section.hidden = searching || items.length === 0),
  );
  void refresh();
  return { refresh };
}

// Redraws a reference's line from its details.
function fill(node: HTMLElement, item: CslItem): void {
  const title = shortTitle(item);
  node.querySelector('.reference-title')!.textContent = title;
  node.querySelector('.reference-byline')!.textContent = [authorsOf(item), yearOf(item) ?? 'n.d.'].filter(Boolean).join(', ');
  for (const [selector, label] of [
    ['.reference-copy', `Copy the citation of ${title}`],
    ['.reference-details', `Details of ${title}`],
    ['.reference-remove', `Remove ${title}`],
  ] as const) {
    node.querySelector(selector)!.setAttribute('aria-label', label);
  }
}

function shortTitle(item: CslItem): string {
  return item['title-short'] ?? item.title ?? item.id;
}

// "Griffith", "Pilaca and Nako", "Lalaj et al.": family names, as the library's bylines are short.
function authorsOf(item: CslItem): string {
  const names = (item.author ?? []).map((name) => name.family ?? name.literal ?? '').filter(Boolean);
  if (names.length > 3) return `${names[0]} et al.`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

function yearOf(item: CslItem): string | null {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return year !== undefined ? String(year) : (item.issued?.literal ?? null);
}
