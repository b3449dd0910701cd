import type { SourceSummary } from '../../core/api.ts';

const RELIABILITY_LABELS: Record<SourceSummary['reliability'], string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
  derivative: 'Derivative',
};

/** Renders the library list: author, short title, year, reliability, and what a derivative derives from. */
export function renderLibrary(list: HTMLElement, sources: SourceSummary[]): void {
  list.replaceChildren(...sources.map(sourceItem));
}

function sourceItem(source: SourceSummary): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'source';
  item.dataset.sourceId = source.id;
  item.title = source.title;

  const title = element('span', 'source-title', source.shortTitle);
  const byline = element('span', 'source-byline', [source.authors, source.year ?? 'n.d.'].filter(Boolean).join(', '));
  const badge = element('span', `badge badge-${source.reliability}`, RELIABILITY_LABELS[source.reliability]);
  item.append(title, byline, badge);
  if (source.derivativeOf) {
    const relation = source.derivativeOf.derivation ?? 'derived from';
    item.append(element('span', 'source-derivation', `${capitalize(relation)} ${source.derivativeOf.title}`));
  }
  return item;
}

function element(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
