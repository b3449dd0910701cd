/**
 * An item imported from Zotero keeps its key in the user's Zotero library, in a CSL variable of
 * ours: Word's citation fields name it, so that Zotero links each citation to its item.
 */
import type { CslItem } from './model.ts';

/** The variable of ours that holds the key. */
export const ZOTERO_KEY = 'zotero-key';

// Eight capitals and digits: what Zotero's lookup of an item's URI reads as its key.
const ZOTERO_KEY_SHAPE = /^[A-Z0-9]{8}$/;

/** Whether `value` is a Zotero item key ("X42A7DEB"). */
export function isZoteroKey(value: unknown): value is string {
  return typeof value === 'string' && ZOTERO_KEY_SHAPE.test(value);
}

/** The item's key in the user's Zotero library, when it was imported from there. */
export function zoteroKeyOf(item: CslItem): string | undefined {
  const key = item[ZOTERO_KEY];
  return isZoteroKey(key) ? key : undefined;
}
