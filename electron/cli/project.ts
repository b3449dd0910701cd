import { existsSync } from 'node:fs';
import { AnnotationService } from '../services/annotation-service.ts';
import { CorpusService } from '../services/corpus-service.ts';
import { openProjectStore, StoreError, whyReadOnly, type ProjectStore } from '../services/store/index.ts';
import { corpusFolder, projectFile, type CliContext, type CliOutcome } from './command.ts';

/** The corpus, the project store and the annotation service, as a command uses them. */
export interface Project {
  corpus: CorpusService;
  store: ProjectStore;
  annotations: AnnotationService;
}

/**
 * Opens the project named by `--project`/`--corpus` (or their defaults), runs `work`, and always
 * closes the store. A command that only reads (`access` 'read') still works on a read-only
 * project or a full disk: the project is opened read-only and stderr says changes cannot be
 * saved. A command that writes is refused there with the store's message.
 */
export async function withProject(
  values: { corpus?: string; project?: string },
  context: CliContext,
  access: 'read' | 'write',
  work: (project: Project) => CliOutcome | Promise<CliOutcome>,
): Promise<CliOutcome> {
  const corpus = new CorpusService(corpusFolder(values.corpus, context), () => {});
  const file = projectFile(values.project, context);
  let store: ProjectStore;
  let note = '';
  try {
    store = openProjectStore(file);
  } catch (error) {
    const unsaveable = error instanceof StoreError && (error.code === 'read-only' || error.code === 'disk-full');
    if (access === 'write' || !unsaveable) throw error;
    store = openProjectStore(file, { readOnly: true });
    note = readOnlyNote(file, error.code === 'disk-full' ? 'disk-full' : 'read-only');
  }
  try {
    const outcome = await work({ corpus, store, annotations: new AnnotationService(corpus, store) });
    return { ...outcome, stderr: note + outcome.stderr };
  } finally {
    store.close();
  }
}

/**
 * The note a reading command prints when the project `file` exists but cannot be changed now
 * (read-only folder or file, full disk), or '' when it can. `known` skips the check.
 */
export function readOnlyNote(file: string, known?: 'read-only' | 'disk-full'): string {
  const why = known ?? (existsSync(file) ? whyReadOnly(file) : undefined);
  if (why === undefined) return '';
  const reason = why === 'disk-full' ? 'the disk holding the project is full' : 'the project is read-only';
  return `Note: ${reason}, so changes cannot be saved (${file}).\n`;
}
