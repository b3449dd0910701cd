import type { SourceSummary } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { fieldLabel } from '../transfer/metadata-dialog.ts';

const RELIABILITY_LABELS: Record<SourceSummary['reliability'], string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
  derivative: 'Derivative',
};

/**
 * Renders the library list: author, short title, year, reliability, and what a derivative
 * derives from. Each source is a button, so the list works from the keyboard.
 */
export function renderLibrary(list: HTMLElement, sources: SourceSummary[], open: (id: string) => void, edit: (id: string) => void): void {
  list.replaceChildren(...sources.map((source) => sourceItem(source, open, edit)));
}

function sourceItem(source: SourceSummary, open: (id: string) => void, edit: (id: string) => void): HTMLLIElement {
  const item = el('li', 'source');
  item.dataset.sourceId = source.id;
  const choose = el('button', 'source-open', undefined, { type: 'button', title: source.title });
  choose.append(
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
  choose.addEventListener('click', () => open(source.id));
  const details = el('button', 'source-edit', 'Details…', { type: 'button', title: `Edit the details of ${source.shortTitle}`, 'aria-label': `Edit the details of ${source.shortTitle}` });
  details.addEventListener('click', () => edit(source.id));
  item.append(choose, details);
  return item;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
