/**
 * The CSL-JSON writer: the sources' metadata as Zotero, Zettlr and Pandoc read it.
 */
import type { CslItem } from '../corpus/model.ts';

/** A JSON array of the items, two-space indented, ending in a newline; fields kept as stored. */
export function writeCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
