/**
 * The references without text of a corpus folder, on disk: `references.json` (see
 * core/interop/references/reference-list.ts), read whole and written atomically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CslItem } from '../../../core/corpus/model.ts';
import { parseReferenceList, REFERENCES_FILE, serializeReferenceList } from '../../../core/interop/references/reference-list.ts';
import { writeFileAtomic } from '../write-file.ts';

/** The list file of one corpus folder. */
export class ReferenceListFile {
  readonly file: string;

  constructor(corpusFolder: string) {
    this.file = join(corpusFolder, REFERENCES_FILE);
  }

  /** The references kept; none when the file does not exist. Throws `ReferenceListError` for a damaged file. */
  read(): CslItem[] {
    if (!existsSync(this.file)) return [];
    return parseReferenceList(readFileSync(this.file, 'utf8'));
  }

  /** Replaces the list. */
  write(items: readonly CslItem[]): void {
    writeFileAtomic(this.file, new TextEncoder().encode(serializeReferenceList(items)), { overwrite: true });
  }
}
