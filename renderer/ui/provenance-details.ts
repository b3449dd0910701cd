import type { SourceProvenance } from '../../core/api.ts';
import { el } from '../dom.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line on how far to trust the source: what it derives from, and how much is known to be wrong. */
export function provenanceSummary(provenance: SourceProvenance): string {
  const parts: string[] = [];
  const original = provenance.derivativeOf;
  if (original) parts.push(`A ${original.derivation ?? 'derivative of'} “${original.title}”: cite the original for its substance.`);
  const counts = [
    provenance.caveats.length > 0 ? plural(provenance.caveats.length, 'known problem', 'known problems') : null,
    provenance.cleaning.length > 0 ? plural(provenance.cleaning.length, 'correction made while cleaning', 'corrections made while cleaning') : null,
    provenance.rights ? 'rights to check' : null,
  ].filter((part) => part !== null);
  if (counts.length > 0) parts.push(`${counts.join(', ').replace(/^./, (c) => c.toUpperCase())}.`);
  return parts.join(' ');
}

/** True when there is anything to tell about the source. */
export function hasProvenance(provenance: SourceProvenance): boolean {
  return provenance.derivativeOf !== null || provenance.caveats.length > 0 || provenance.cleaning.length > 0 || provenance.rights !== null;
}

/**
 * The known problems of a source, its rights and its cleaning log, in a disclosure that opens on
 * demand. `headingLevel` fits the headings into the page's outline.
 */
export function provenanceDetails(provenance: SourceProvenance, headingLevel: 2 | 3 = 2): HTMLDetailsElement {
  const details = el('details', 'provenance-details');
  const heading = `h${headingLevel}` as const;
  details.append(el('summary', '', 'Known problems, rights and cleaning log'));
  if (provenance.caveats.length > 0) {
    const list = el('ul', 'provenance-list');
    list.append(...provenance.caveats.map((caveat) => el('li', '', caveat)));
    details.append(el(heading, 'provenance-heading', 'Known problems'), list);
  }
  details.append(el(heading, 'provenance-heading', 'Rights'), el('p', '', provenance.rights ?? 'No rights statement is recorded for this source.'));
  if (provenance.cleaning.length > 0) {
    const list = el('ul', 'provenance-list');
    for (const fix of provenance.cleaning) {
      const item = el('li');
      item.textContent = `“${fix.original}” became “${fix.replacement}”: ${fix.reason}`;
      list.append(item);
    }
    details.append(el(heading, 'provenance-heading', 'Cleaning log'), list);
  }
  return details;
}
