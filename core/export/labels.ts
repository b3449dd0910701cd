/**
 * The few words every writer prints around the data, kept in one place so the formats agree.
 */
import type { Quotation } from './quotation.ts';

/** Printed beside an orphan's quotation. */
export const ORPHAN_MARK =
  'Quoted as saved: this passage is no longer found in the current text of the source.';

/** Printed beside a quotation whose wording changed since it was highlighted. */
export function changedMark(saved: string): string {
  return `The source’s wording has changed since this passage was highlighted; it then read: “${saved.replace(/\s+/g, ' ')}”.`;
}

/** What to print beside a quotation: the orphan's or the changed wording's note; undefined for neither. */
export function quotationMark(quotation: Pick<Quotation, 'orphaned' | 'changed' | 'saved'>): { kind: 'orphan' | 'changed'; text: string } | undefined {
  if (quotation.orphaned) return { kind: 'orphan', text: ORPHAN_MARK };
  if (quotation.changed) return { kind: 'changed', text: changedMark(quotation.saved) };
  return undefined;
}

/** "Tags: a, b". */
export function tagLine(tags: readonly string[]): string {
  return `Tags: ${tags.join(', ')}`;
}
