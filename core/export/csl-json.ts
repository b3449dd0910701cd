/**
 * The CSL-JSON writer: the sources' metadata as Zotero, Zettlr and Pandoc read it.
 */
import type { CslItem } from '../corpus/model.ts';
import { standardCsl } from './csl-types.ts';

/** A JSON array of the items, two-space indented, ending in a newline; fields kept as stored, types as CSL names them. */
export function writeCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items.map(standardCsl), null, 2)}\n`;
}
