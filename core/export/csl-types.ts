/**
 * Our CSL types where they part from the CSL specification's. Apparatus files a letter under the
 * type `letter`, which the Chicago formatter's archival template takes, but CSL has no such type:
 * its letter is `personal_communication`, as Zotero writes it. Zotero's CSL-JSON import refuses a
 * file that holds an unknown type (nothing of it is added), and its citation fields read one as a
 * generic document, the recipient turned into an author; so CSL-JSON leaves with the standard type
 * and comes back in with ours.
 */
import type { CslItem } from '../corpus/model.ts';

// Ours, and the specification's for it.
const STANDARD: Record<string, string> = { letter: 'personal_communication' };
const OURS: Record<string, string> = Object.fromEntries(Object.entries(STANDARD).map(([ours, standard]) => [standard, ours]));

/** The item with the type the CSL specification (and Zotero) uses; the item itself when they agree. */
export function standardCsl(item: CslItem): CslItem {
  const type = STANDARD[item.type];
  return type === undefined ? item : { ...item, type };
}

/** Our type for a CSL type read from another program (`personal_communication` is a letter). */
export function ourCslType(type: string): string {
  return OURS[type] ?? type;
}
