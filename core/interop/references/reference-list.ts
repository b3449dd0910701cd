/**
 * The references without text: works a historian cites but has no text of (a book on the shelf, an
 * archive file), kept as a CSL-JSON list in `references.json` of the corpus folder. They are not
 * sources: the reader has nothing to open, so the library lists them apart; they can be cited,
 * exported and sent to Zotero like a source's metadata, and a source imported later with the same
 * DOI or title takes their place.
 */
import { DomainError } from '../../errors.ts';
import type { CslItem } from '../../corpus/model.ts';
import { SOURCE_ID_PATTERN } from '../../corpus/front-matter-schema.ts';
import { normalizeReference } from './normalize-reference.ts';

/** The file name of the list, in the corpus folder. */
export const REFERENCES_FILE = 'references.json';

/** Why the list cannot be read; nothing is written over it then. */
export class ReferenceListError extends DomainError<'corpus-unreadable'> {
  override name = 'ReferenceListError';

  constructor(message: string) {
    super('corpus-unreadable', message);
  }
}

/** The references of the file's text; throws `ReferenceListError` when it is not a CSL-JSON list of them. */
export function parseReferenceList(text: string): CslItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReferenceListError(`${REFERENCES_FILE} in the corpus folder is not valid JSON (${(error as Error).message}); fix or remove it.`);
  }
  if (!Array.isArray(value)) throw new ReferenceListError(`${REFERENCES_FILE} in the corpus folder must hold a list of CSL-JSON items.`);
  return value.map((entry, index) => {
    const read = normalizeReference(entry);
    const id = (entry as { id?: unknown } | null)?.id;
    if ('reason' in read || typeof id !== 'string' || !SOURCE_ID_PATTERN.test(id)) {
      const why = 'reason' in read ? read.reason : 'its id is not a source id';
      throw new ReferenceListError(`Reference no. ${index + 1} of ${REFERENCES_FILE} cannot be read: ${why}.`);
    }
    return { ...read.item, id };
  });
}

/** The file text of the list: CSL-JSON, two-space indented, sorted by id so that a diff stays small. */
export function serializeReferenceList(items: readonly CslItem[]): string {
  return `${JSON.stringify([...items].sort((a, b) => a.id.localeCompare(b.id, 'en')), null, 2)}\n`;
}
