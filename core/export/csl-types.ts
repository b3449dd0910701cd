/**
 * Our CSL items where they part from the CSL specification's. Apparatus files a letter under the
 * type `letter`, which the Chicago formatter's archival template takes, but CSL has no such type:
 * its letter is `personal_communication`, as Zotero writes it. Zotero's CSL-JSON import refuses a
 * file that holds an unknown type (nothing of it is added), and its citation fields read one as a
 * generic document, the recipient turned into an author; so CSL-JSON leaves with the standard type
 * and comes back in with ours. An item imported from Zotero keeps its key in the user's library in
 * a variable of ours, `zotero-key`, which Word's citation fields name and CSL-JSON leaves out.
 */
import type { CslItem } from '../corpus/model.ts';
import { ZOTERO_KEY } from '../corpus/zotero-key.ts';

// Ours, and the specification's for it.
const STANDARD: Record<string, string> = { letter: 'personal_communication' };
const OURS: Record<string, string> = Object.fromEntries(Object.entries(STANDARD).map(([ours, standard]) => [standard, ours]));

/**
 * The item as the CSL specification (and Zotero) has it: the standard type, and without our own
 * variables; the item itself when they agree.
 */
export function standardCsl(item: CslItem): CslItem {
  const type = STANDARD[item.type];
  if (type === undefined && !(ZOTERO_KEY in item)) return item;
  const { [ZOTERO_KEY]: _key, ...standard } = item;
  return type === undefined ? (standard as CslItem) : { ...(standard as CslItem), type };
}

/** Our type for a CSL type read from another program (`personal_communication` is a letter). */
export function ourCslType(type: string): string {
  return OURS[type] ?? type;
}
